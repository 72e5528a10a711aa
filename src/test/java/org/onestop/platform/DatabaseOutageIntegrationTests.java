package org.onestop.platform;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A database that cannot be reached is answered within seconds with 503 and Retry-After,
 * in controllers and in the filters before them alike, and everything comes back by
 * itself. The shared database is never stopped: the application's own pool is starved
 * instead (to it, a database that cannot be reached), and the network failures are played
 * on a small pool of their own through a proxy that the test cuts.
 */
@IntegrationTest
class DatabaseOutageIntegrationTests {

	private static final DatabaseSettings FAST = new DatabaseSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(1),
			Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(10), false);

	@Autowired
	MockMvc mvc;

	@Autowired
	HikariDataSource dataSource;

	@Test
	void withNoConnectionToBeHadEveryDoorAnswers503AndThenRecovers() throws Exception {
		List<Connection> held = new ArrayList<>();
		try {
			// Background work (sweeps, the workflow's jobs, what earlier tests left
			// running) may hold a connection for a few seconds: take each as it comes
			// free, until the pool has none left for anyone.
			Instant deadline = Instant.now().plusSeconds(60);
			while (held.size() < dataSource.getMaximumPoolSize()) {
				try {
					held.add(dataSource.getConnection());
				}
				catch (SQLTransientConnectionException busy) {
					assertThat(Instant.now()).as("all connections of the pool taken").isBefore(deadline);
				}
			}
			// a controller
			mvc.perform(get("/api/v1/halls").header("Accept-Language", "en"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "10"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.title").value("Temporarily unavailable"))
				.andExpect(jsonPath("$.detail").value(containsString("database")));
			// the bearer-token filter, before any controller
			mvc.perform(get("/api/v1/me/notifications").header("Authorization", "Bearer " + UUID.randomUUID()))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "10"))
				.andExpect(jsonPath("$.title").value("服务暂时不可用"));
			// the JDBC session store, asked by the security filters for a signed-in page
			mvc.perform(get("/account").header("Accept-Language", "en")
				.cookie(new Cookie("ONESTOP_SESSION",
						Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()))))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "10"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(content().string(containsString("Temporarily unavailable")));
			// a page's controller (the notices list is kept in memory since issue 18:
			// one article is read from the database)
			mvc.perform(get("/notices/1"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("服务暂时不可用")));
			long start = System.nanoTime();
			mvc.perform(get("/actuator/health"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.components.db.status").value("DOWN"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		mvc.perform(get("/api/v1/halls")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.db.status").value("UP"));
	}

	@Test
	@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aRefusedOrSwallowedNetworkFailsWithinSecondsAndHealsItself() throws Exception {
		Matcher address = Pattern.compile("//([^/:?]+)(?::(\\d+))?/").matcher(dataSource.getJdbcUrl());
		assertThat(address.find()).isTrue();
		int port = address.group(2) == null ? 5432 : Integer.parseInt(address.group(2));
		try (CuttableProxy proxy = new CuttableProxy(address.group(1), port);
				HikariDataSource pool = poolThrough(proxy)) {
			JdbcClient db = JdbcClient.create(pool);
			DatabaseHealth health = new DatabaseHealth(pool, FAST);
			assertThat(one(db)).isEqualTo(1);

			proxy.refuse();
			assertFailsAsOutageWithin(db, Duration.ofSeconds(3));
			assertDownWithin(health, Duration.ofSeconds(3));
			proxy.restore();
			assertRecoversWithin(db, Duration.ofSeconds(10));

			try (Connection inFlight = pool.getConnection()) {
				proxy.blackHole();
				long start = System.nanoTime();
				Throwable lost = catchThrowable(() -> inFlight.createStatement().executeQuery("SELECT 1"));
				assertThat(DatabaseOutage.isCause(lost)).as(String.valueOf(lost)).isTrue();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the socket timeout, not the OS's")
					.isBetween(Duration.ofMillis(1500), Duration.ofSeconds(6));
			}
			assertFailsAsOutageWithin(db, Duration.ofSeconds(4));
			assertDownWithin(health, Duration.ofSeconds(4));
			proxy.restore();
			assertRecoversWithin(db, Duration.ofSeconds(10));
		}
	}

	private HikariDataSource poolThrough(CuttableProxy proxy) {
		HikariConfig config = DatabaseConfiguration.pool(FAST);
		config.setPoolName("proxied");
		config.setJdbcUrl(dataSource.getJdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"));
		config.setUsername(dataSource.getUsername());
		config.setPassword(dataSource.getPassword());
		return new HikariDataSource(config);
	}

	private static Integer one(JdbcClient db) {
		return db.sql("SELECT 1").query(Integer.class).single();
	}

	private static void assertFailsAsOutageWithin(JdbcClient db, Duration limit) {
		long start = System.nanoTime();
		Throwable failure = catchThrowable(() -> one(db));
		assertThat(DatabaseOutage.isCause(failure)).as(String.valueOf(failure)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
	}

	private static void assertDownWithin(DatabaseHealth health, Duration limit) {
		long start = System.nanoTime();
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
	}

	private static void assertRecoversWithin(JdbcClient db, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			try {
				assertThat(one(db)).isEqualTo(1);
				return;
			}
			catch (RuntimeException stillDown) {
				if (System.nanoTime() > deadline) {
					throw stillDown;
				}
				Thread.sleep(100);
			}
		}
	}

}
