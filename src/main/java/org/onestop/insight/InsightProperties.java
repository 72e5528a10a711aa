package org.onestop.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Insight's settings under {@code onestop.insight.*}.
 *
 * @param refreshInterval how often each node looks for sources to refresh
 * @param refreshEnabled off in tests, which refresh by hand at chosen moments
 * @param lease how long a node holds a source while it recomputes its months
 * @param margin how far before the last refresh the next one looks for changes, for
 * transactions that started before it and committed after it
 * @param computeTimeout how long one month's computation of a source may run: its own
 * statement timeout, longer than the pool's, so that a big month is not cancelled
 * @param fullRefreshInterval how often each source is recomputed whole (every month it
 * has), for rows written with past timestamps that its changed-at columns cannot show
 */
@ConfigurationProperties("onestop.insight")
record InsightProperties(@DefaultValue("PT1M") Duration refreshInterval, @DefaultValue("true") boolean refreshEnabled,
		@DefaultValue("PT5M") Duration lease, @DefaultValue("PT5M") Duration margin,
		@DefaultValue("PT10M") Duration computeTimeout, @DefaultValue("P1D") Duration fullRefreshInterval) {
}
