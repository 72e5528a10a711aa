package org.onestop.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on server-sent event streams under {@code onestop.platform.streams.*}, per node:
 * each open stream is a connection Tomcat keeps (8,192 at most), so one client must not
 * be able to take them all.
 *
 * @param perClient streams one client address may hold open on this node; the next is
 * answered 429
 * @param total streams this node holds open in all; the next is answered 503, leaving
 * connections for everything else
 * @param retryAfter what a refused client is told to wait before trying to stream again
 * (it polls meanwhile)
 */
@ConfigurationProperties("onestop.platform.streams")
record EventStreamProperties(@DefaultValue("20") int perClient, @DefaultValue("2000") int total,
		@DefaultValue("30s") Duration retryAfter) {
}
