package org.onestop.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo history under {@code onestop.demo.history.*}: twelve months of generated
 * activity so that the figures show something real on first start. Loaded only outside
 * production, and only when enabled (the tests switch it off).
 *
 * @param enabled whether the demo city gets its history at first start
 * @param applications applications over the twelve months
 * @param tickets hall tickets, the applications' counter visits included
 * @param conversations assistant conversations
 * @param ratings ratings, about: a deterministic share of the finished services
 */
@ConfigurationProperties("onestop.demo.history")
record HistoryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20000") int applications,
		@DefaultValue("30000") int tickets, @DefaultValue("15000") int conversations,
		@DefaultValue("25000") int ratings) {

	HistoryProperties {
		if (applications < 0 || tickets < 0 || conversations < 0 || ratings < 0) {
			throw new IllegalArgumentException("The demo history's sizes cannot be negative");
		}
	}

}
