package org.onestop.queue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowd on the public hall pages, over real HTTP: many more simultaneous requests than
 * the pool has connections. A page that holds one pooled connection while it waits for a
 * second deadlocks the pool under such a crowd (the hall API answered 500 after 30 s);
 * every request here must be answered, and soon.
 */
@IntegrationTest
class HallCrowdIntegrationTests {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HallCrowdIntegrationTests.class);

	static final String HALL = "HALL-CITY";

	/**
	 * Far more than the pool's connections (30 in tests, 20 by default) and about
	 * Tomcat's 200 threads.
	 */
	static final int CROWD = 200;

	/** Well under the pool's 30 s wait for a connection, which is how a deadlock ends. */
	static final Duration BOUND = Duration.ofSeconds(20);

	static ExecutorService crowd;
	static HttpClient http;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Autowired
	javax.sql.DataSource dataSource;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		crowd = Executors.newFixedThreadPool(CROWD);
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(8))
			.build();
	}

	@AfterAll
	static void stop() {
		crowd.shutdownNow();
	}

	@Test
	void everyPublicHallPageAnswersACrowdLargerThanThePool() throws Exception {
		assertThat(CROWD).isGreaterThan(((HikariDataSource) dataSource).getMaximumPoolSize() * 3);
		QueueFixture hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		String ticket = hall.walkIn("A");
		String service = hall.service("A");
		String day = LocalDate.now(clock).plusDays(1).toString();
		List<String> pages = List.of("/api/v1/halls/" + HALL, "/api/v1/halls", "/api/v1/service-halls",
				"/api/v1/halls/" + HALL + "/slots?serviceCode=" + service + "&date=" + day, "/halls/" + HALL + "/board",
				"/halls/" + HALL + "/kiosk", "/tickets/" + ticket, "/api/v1/tickets/" + ticket);
		Map<String, String> failures = new TreeMap<>();
		for (String page : pages) {
			String failure = flood(page);
			if (failure != null) {
				failures.put(page, failure);
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * Sends the crowd at once; null when every request was answered 200 within the bound,
	 * else what went wrong.
	 */
	private String flood(String path) throws Exception {
		CountDownLatch ready = new CountDownLatch(CROWD);
		CountDownLatch go = new CountDownLatch(1);
		URI uri = URI.create("http://localhost:" + port + path);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < CROWD; i++) {
			answers.add(crowd.submit(() -> {
				ready.countDown();
				go.await();
				HttpRequest request = HttpRequest.newBuilder(uri)
					.timeout(BOUND.plusSeconds(30))
					.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
					.GET()
					.build();
				try {
					return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				}
				catch (java.io.IOException ex) {
					return -1;
				}
			}));
		}
		ready.await();
		long started = System.nanoTime();
		go.countDown();
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (Future<Integer> answer : answers) {
			statuses.merge(answer.get(BOUND.toSeconds() + 60, TimeUnit.SECONDS), 1, Integer::sum);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		log.info("{} simultaneous GET {}: {} in {} ms", CROWD, path, statuses, took.toMillis());
		if (statuses.equals(Map.of(200, CROWD)) && took.compareTo(BOUND) <= 0) {
			return null;
		}
		return "answers " + statuses + " after " + took.toMillis() + " ms";
	}

}
