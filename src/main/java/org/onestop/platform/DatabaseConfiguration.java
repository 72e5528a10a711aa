package org.onestop.platform;

import java.io.IOException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Chooses the database: the external PostgreSQL named by {@code ONESTOP_DB_URL}, or else
 * an embedded PostgreSQL whose data lives in {@code ${ONESTOP_DATA_DIR}/pg} and survives
 * restarts. Production ({@code prod} profile) refuses to run without an external one.
 * Both get the same timeouts ({@link DatabaseSettings}): without them a lost database
 * leaves requests hanging for as long as the operating system keeps a dead connection
 * open.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(PlatformProperties properties, DatabaseSettings settings, Environment environment) {
		if (properties.db().external()) {
			HikariConfig config = pool(settings);
			config.setJdbcUrl(properties.db().url());
			config.setUsername(properties.db().user());
			config.setPassword(properties.db().password());
			return new HikariDataSource(config);
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile needs an external PostgreSQL: set ONESTOP_DB_URL "
					+ "(and ONESTOP_DB_USER, ONESTOP_DB_PASSWORD). The embedded database is only for trying OneStop out.");
		}
		EmbeddedPostgres postgres = EmbeddedDatabase.start(properties.dataDir().toAbsolutePath().normalize(),
				settings.durable());
		HikariConfig config = pool(settings);
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		return new EmbeddedDataSource(config, postgres);
	}

	/**
	 * The pool and driver settings. Driver properties given here yield to the same ones
	 * written in {@code ONESTOP_DB_URL}, so an operator can still tune one database by
	 * its URL.
	 */
	static HikariConfig pool(DatabaseSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("onestop");
		config.setMaximumPoolSize(settings.poolSize());
		config.setConnectionTimeout(settings.acquireTimeout().toMillis());
		config.setValidationTimeout(settings.validationTimeout().toMillis());
		config.setKeepaliveTime(settings.keepalive().toMillis());
		config.addDataSourceProperty("connectTimeout", seconds(settings.connectTimeout()));
		config.addDataSourceProperty("loginTimeout", seconds(settings.connectTimeout()));
		config.addDataSourceProperty("socketTimeout", seconds(settings.socketTimeout()));
		config.addDataSourceProperty("tcpKeepAlive", "true");
		if (!settings.statementTimeout().isZero()) {
			config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
		}
		return config;
	}

	/** Whole seconds, as the driver takes them, rounded up (0 stays 0: no limit). */
	private static String seconds(Duration duration) {
		return Long.toString(duration.isZero() ? 0 : Math.max(1, duration.plusMillis(999).toSeconds()));
	}

	/** A pool that also stops the embedded server it draws from. */
	private static final class EmbeddedDataSource extends HikariDataSource {

		private final EmbeddedPostgres postgres;

		EmbeddedDataSource(HikariConfig config, EmbeddedPostgres postgres) {
			super(config);
			this.postgres = postgres;
		}

		@Override
		public void close() {
			super.close();
			try {
				postgres.close();
			}
			catch (IOException ex) {
				log.warn("Embedded PostgreSQL did not stop cleanly", ex);
			}
		}

	}

}
