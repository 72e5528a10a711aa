package org.onestop.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which failures read as "the database cannot be reached": the exceptions the driver, the
 * pool and Spring really throw.
 */
class DatabaseOutageTests {

	private static final DatabaseSettings FAST = new DatabaseSettings(2, Duration.ofSeconds(1), Duration.ofMillis(500),
			Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(10), false);

	@Test
	void aRefusedConnectionFromTheDriver() throws IOException {
		Throwable refused = catchThrowable(() -> DriverManager
			.getConnection("jdbc:postgresql://127.0.0.1:" + closedPort() + "/x?connectTimeout=1"));
		assertThat(refused).isInstanceOf(PSQLException.class);
		assertThat(DatabaseOutage.isCause(refused)).isTrue();
	}

	@Test
	void thePoolTimingOutAndSpringsTranslationsOfIt() throws IOException {
		HikariConfig config = DatabaseConfiguration.pool(FAST);
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/x");
		config.setInitializationFailTimeout(-1);
		try (HikariDataSource pool = new HikariDataSource(config)) {
			Throwable fromPool = catchThrowable(pool::getConnection);
			Throwable fromJdbcClient = catchThrowable(
					() -> JdbcClient.create(pool).sql("SELECT 1").query().singleValue());
			Throwable fromTransaction = catchThrowable(
					() -> new TransactionTemplate(new DataSourceTransactionManager(pool)).executeWithoutResult(s -> {
					}));
			// what a workflow engine does with it: its own exception around the pool's
			Throwable wrapped = new IllegalStateException("Could not open a session", fromPool);

			assertThat(fromPool).isInstanceOf(java.sql.SQLTransientConnectionException.class);
			assertThat(fromJdbcClient).isInstanceOf(org.springframework.jdbc.CannotGetJdbcConnectionException.class);
			assertThat(fromTransaction)
				.isInstanceOf(org.springframework.transaction.CannotCreateTransactionException.class);
			assertThat(new Throwable[] { fromPool, fromJdbcClient, fromTransaction, wrapped })
				.allSatisfy(failure -> assertThat(DatabaseOutage.isCause(failure)).as(failure.toString()).isTrue());
		}
	}

	@Test
	void aLostConnectionMidStatement() {
		SQLException lost = new PSQLException("An I/O error occurred while sending to the backend.",
				PSQLState.CONNECTION_FAILURE, new java.net.SocketTimeoutException("Read timed out"));
		// the server's own error for a shutdown; the driver carries its SQL state
		SQLException shutDown = new SQLException("terminating connection due to administrator command", "57P01");
		assertThat(DatabaseOutage.isCause(new RuntimeException(lost))).isTrue();
		assertThat(DatabaseOutage.isCause(shutDown)).isTrue();
	}

	@Test
	void otherDatabaseErrorsAreNotAnOutage() {
		SQLException duplicate = new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION);
		SQLException badText = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
		assertThat(DatabaseOutage.isCause(new DuplicateKeyException("taken", duplicate))).isFalse();
		assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("bad", badText))).isFalse();
		assertThat(DatabaseOutage.isCause(new IllegalStateException("no"))).isFalse();
		assertThat(DatabaseOutage.isCause(new java.net.SocketTimeoutException("an HTTP call, not the database")))
			.isFalse();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
