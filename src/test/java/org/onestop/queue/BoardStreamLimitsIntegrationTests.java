package org.onestop.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.EventHub;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client cannot hold all of a node's connections with board streams (8,150 from one
 * address stopped Tomcat): 20 per client address, then 429; a fixed number per node, then
 * 503; both with Retry-After and a problem in the caller's language; and a closed stream
 * gives its place back. Over real HTTP, each client from its own loopback address, since
 * the address of the connection is what counts.
 */
@IntegrationTest
class BoardStreamLimitsIntegrationTests {

	static final String EVENTS = "/halls/HALL-CITY/board/events";
	static final int PER_CLIENT = 20;

	@LocalServerPort
	int port;

	@Autowired
	EventHub hub;

	@Autowired
	MeterRegistry meters;

	@Value("${onestop.platform.streams.total}")
	int total;

	final List<Stream> held = java.util.Collections.synchronizedList(new ArrayList<>());

	/**
	 * Streams open before this test's first, such as those tests through MockMvc leave
	 * open (it never closes them).
	 */
	int baseline = -1;

	@AfterEach
	void closeAll() throws Exception {
		for (Stream stream : held) {
			stream.socket().close();
		}
		held.clear();
		// The server notices closed streams at its next write; wait until every place is
		// given back.
		awaitOpen(0);
	}

	@Test
	void aClientGetsTwentyStreamsThen429AndAClosedStreamGivesItsPlaceBack() throws Exception {
		for (int i = 0; i < PER_CLIENT; i++) {
			assertThat(keep(open("127.0.0.21", "en")).status()).isEqualTo(200);
		}
		Stream refused = open("127.0.0.21", "en");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.headers()).containsEntry("retry-after", "30")
			.hasEntrySatisfying("content-type", type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("\"status\":429")
			.contains("Too many live-update connections")
			.contains("at most 20");
		assertThat(open("127.0.0.21", "zh-CN").body()).contains("实时更新连接过多");
		// Another address is another client.
		assertThat(keep(open("127.0.0.22", "en")).status()).isEqualTo(200);

		held.remove(0).socket().close();
		Stream again = null;
		for (int attempt = 0; attempt < 50 && (again == null || again.status() != 200); attempt++) {
			hub.keepAlive();
			Thread.sleep(100);
			again = open("127.0.0.21", "en");
		}
		assertThat(keep(again).status()).isEqualTo(200);
	}

	@Test
	void aFullNodeAnswers503() throws Exception {
		int free = total - open();
		for (int i = 0; i < free; i++) {
			assertThat(keep(open("127.0.1." + (1 + i / PER_CLIENT), "en")).status()).isEqualTo(200);
		}
		Stream refused = open("127.0.2.1", "en");
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.headers()).containsEntry("retry-after", "30");
		assertThat(refused.body()).contains("\"title\":\"Temporarily unavailable\"")
			.contains("as many live-update connections open as it can take");
	}

	@Test
	void aCrowdOfStreamsIsAnsweredAndLeavesTheNodeServing() throws Exception {
		baseline = open();
		int free = total - baseline;
		int crowd = 200;
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(crowd);
		try {
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Stream>> answers = new ArrayList<>();
			for (int i = 0; i < crowd; i++) {
				String from = "127.0.3." + (1 + i % 10);
				answers.add(threads.submit(() -> {
					go.await();
					return open(from, "en");
				}));
			}
			go.countDown();
			Map<Integer, Integer> statuses = new java.util.TreeMap<>();
			for (java.util.concurrent.Future<Stream> answer : answers) {
				Stream stream = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
				statuses.merge(stream.status(), 1, Integer::sum);
				if (stream.status() == 200) {
					held.add(stream);
				}
			}
			// Ten addresses of twenty each could hold them all; the node's limit is what
			// refuses the rest.
			assertThat(statuses).isEqualTo(Map.of(200, free, 503, crowd - free));
			java.net.http.HttpResponse<String> hall = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/halls/HALL-CITY"))
					.timeout(Duration.ofSeconds(5))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(hall.statusCode()).isEqualTo(200);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private int open() {
		return (int) meters.get("onestop.streams.open").gauge().value();
	}

	private void awaitOpen(int ours) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (open() > baseline + ours && System.nanoTime() < deadline) {
			hub.keepAlive();
			Thread.sleep(100);
		}
		// Streams other tests left open may end meanwhile (their own timeouts), so the
		// count can only fall below.
		assertThat(open()).isLessThanOrEqualTo(baseline + ours);
	}

	private Stream keep(Stream stream) {
		held.add(stream);
		return stream;
	}

	/** A GET of the board's events from this local address. */
	private Stream open(String from, String language) throws IOException {
		if (baseline < 0) {
			baseline = open();
		}
		return Stream.open(port, EVENTS, from, language);
	}

}
