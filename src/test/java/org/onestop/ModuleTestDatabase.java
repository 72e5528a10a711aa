package org.onestop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Real PostgreSQL for an {@code @ApplicationModuleTest}, which starts only one module and
 * so not the platform's database configuration: a throwaway embedded PostgreSQL in a
 * folder of its own under {@code target}, even when {@code ONESTOP_DB_URL} names a
 * server. It must never share a database with the whole-platform tests, whose context
 * stays cached with the demo city loaded: a schema of its own on that server is not
 * enough, because Flowable looks for its tables in every schema and would find (or leave)
 * the other tests' ones. The external-server path is what the whole-platform tests
 * exercise.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestDatabase {

	/** The schema that module tests use. */
	static final String SCHEMA = "module_tests";

	@Bean(destroyMethod = "close")
	DataSource dataSource() {
		HikariConfig config = new HikariConfig();
		config.setPoolName("module-test");
		config.setMaximumPoolSize(5);
		EmbeddedPostgres postgres = embedded();
		config.setJdbcUrl(inOwnSchema(postgres.getJdbcUrl("postgres", "postgres")));
		config.setUsername("postgres");
		return new HikariDataSource(config) {
			@Override
			public void close() {
				super.close();
				try {
					postgres.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		};
	}

	private static String inOwnSchema(String url) {
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
	}

	private static EmbeddedPostgres embedded() {
		Path root = Path.of("target", "module-test-db").toAbsolutePath();
		try {
			Files.createDirectories(root.resolve("pg-bin"));
			return EmbeddedPostgres.builder()
				.setDataDirectory(root.resolve(UUID.randomUUID().toString()))
				.setCleanDataDirectory(true)
				.setOverrideWorkingDirectory(root.resolve("pg-bin").toFile())
				// Spring stops it, after the pool that draws from it (see dataSource()).
				.setRegisterShutdownHook(false)
				.setServerConfig("timezone", "UTC")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Migrations go to the module tests' own schema (created if missing), and only that
	 * schema is ever cleaned.
	 */
	@Bean
	FlywayConfigurationCustomizer ownSchema() {
		return flyway -> flyway.schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true).cleanDisabled(false);
	}

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
