package org.onestop.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * Chooses the database: the external PostgreSQL named by {@code ONESTOP_DB_URL}, or else an
 * embedded PostgreSQL whose data lives in {@code ${ONESTOP_DATA_DIR}/pg} and survives restarts.
 * Production ({@code prod} profile) refuses to run without an external one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(PlatformProperties properties, Environment environment) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("onestop");
		config.setMaximumPoolSize(environment.getProperty("onestop.db.pool-size", Integer.class, 20));
		if (properties.db().external()) {
			config.setJdbcUrl(properties.db().url());
			config.setUsername(properties.db().user());
			config.setPassword(properties.db().password());
			return new HikariDataSource(config);
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile needs an external PostgreSQL: set ONESTOP_DB_URL "
					+ "(and ONESTOP_DB_USER, ONESTOP_DB_PASSWORD). The embedded database is only for trying OneStop out.");
		}
		EmbeddedPostgres postgres = startEmbedded(properties.dataDir().toAbsolutePath().normalize());
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		return new EmbeddedDataSource(config, postgres);
	}

	private static EmbeddedPostgres startEmbedded(Path dataDir) {
		Path data = dataDir.resolve("pg");
		Path binaries = dataDir.resolve("pg-bin");
		try {
			Files.createDirectories(binaries);
			log.info("No ONESTOP_DB_URL: starting embedded PostgreSQL with data in {}", data);
			return EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(binaries.toFile())
				// Spring closes it after everything that uses the database (Flowable included).
				.setRegisterShutdownHook(false)
				.setServerConfig("timezone", "UTC")
				.start();
		}
		catch (IOException ex) {
			Path version = data.resolve("PG_VERSION");
			if (Files.exists(version)) {
				throw new IllegalStateException("The embedded PostgreSQL could not open " + data + ". If "
						+ version + " names a major version other than 17, that folder was made by another "
						+ "PostgreSQL: move it away (or point ONESTOP_DATA_DIR elsewhere) to start afresh.", ex);
			}
			throw new UncheckedIOException("The embedded PostgreSQL did not start in " + data, ex);
		}
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
