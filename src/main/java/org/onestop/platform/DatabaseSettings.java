package org.onestop.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How OneStop holds its database connections, under {@code onestop.db.*} (the address and
 * credentials are in {@link PlatformProperties.Db}). The timeouts make a lost database an
 * answer within seconds instead of requests that hang until it is back.
 *
 * @param poolSize connections in the pool
 * @param connectTimeout longest wait to open a connection and sign in to PostgreSQL
 * @param acquireTimeout longest a request waits for a pooled connection before it is told
 * to retry later
 * @param validationTimeout longest a pooled connection may take to prove it is still
 * alive before it is used
 * @param keepalive how often an idle pooled connection is tried, so that a dead one is
 * dropped before use
 * @param statementTimeout longest one statement may run; PostgreSQL cancels it after that
 * @param socketTimeout longest the driver waits for any answer on an open connection (a
 * network that swallows packets); above {@code statementTimeout}, so that only a lost
 * server, never a slow statement, reaches it
 * @param retryAfter what a 503 answer while the database is unreachable asks clients to
 * wait ({@code Retry-After})
 * @param durable whether the embedded database syncs every commit to disk (fsync,
 * synchronous commit, full page writes); only the tests turn it off, for speed
 */
@ConfigurationProperties("onestop.db")
record DatabaseSettings(@DefaultValue("20") int poolSize, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("3s") Duration acquireTimeout, @DefaultValue("2s") Duration validationTimeout,
		@DefaultValue("60s") Duration keepalive, @DefaultValue("25s") Duration statementTimeout,
		@DefaultValue("30s") Duration socketTimeout, @DefaultValue("10s") Duration retryAfter,
		@DefaultValue("true") boolean durable) {

	DatabaseSettings {
		if (!socketTimeout.isZero() && !statementTimeout.isZero() && socketTimeout.compareTo(statementTimeout) <= 0) {
			throw new IllegalArgumentException("onestop.db.socket-timeout (" + socketTimeout
					+ ") must be longer than onestop.db.statement-timeout (" + statementTimeout
					+ "), or a slow statement would read as a lost database");
		}
	}

	/** The defaults, for code that starts a database outside Spring (tests, tools). */
	static DatabaseSettings defaults() {
		return new DatabaseSettings(20, Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(2),
				Duration.ofSeconds(60), Duration.ofSeconds(25), Duration.ofSeconds(30), Duration.ofSeconds(10), true);
	}
}
