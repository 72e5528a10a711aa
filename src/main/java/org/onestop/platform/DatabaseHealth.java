package org.onestop.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health check, bounded in time: Spring Boot's own asks the connection
 * with no time limit, so when the network swallowed packets it answered nothing until the
 * socket timed out. Here a connection must come from the pool within its acquire timeout
 * and answer within the validation timeout, or the database is DOWN.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

	private final DataSource dataSource;

	private final int timeoutSeconds;

	DatabaseHealth(DataSource dataSource, DatabaseSettings settings) {
		this.dataSource = dataSource;
		this.timeoutSeconds = (int) Math.max(1, settings.validationTimeout().toSeconds());
	}

	@Override
	public Health health() {
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			boolean valid = connection.isValid(timeoutSeconds);
			return (valid ? Health.up() : Health.down()).withDetail("database", "PostgreSQL")
				.withDetail("millis", (System.nanoTime() - start) / 1_000_000)
				.build();
		}
		catch (SQLException | RuntimeException ex) {
			return Health.down()
				.withDetail("error", ex.getClass().getSimpleName())
				.withDetail("millis", (System.nanoTime() - start) / 1_000_000)
				.build();
		}
	}

}
