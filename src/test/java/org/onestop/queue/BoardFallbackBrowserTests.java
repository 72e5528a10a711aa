package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;
import org.onestop.platform.EventHub;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board whose live stream is refused (here: the node holds as many streams as it may)
 * still follows the queue: the page asks for itself every few seconds instead of
 * reconnecting in a loop.
 */
class BoardFallbackBrowserTests extends BrowserTest {

	static final String HALL = "HALL-WEST";

	@LocalServerPort
	int serverPort;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EventHub hub;

	@Value("${onestop.platform.streams.total}")
	int total;

	@Test
	void aBoardRefusedItsStreamFollowsTheQueueByAsking() throws Exception {
		QueueFixture hall = new QueueFixture(mvc, db, clock, HALL, Tokens.of(mvc, "clerk.ps"));
		hall.clear();
		int before = open();
		List<Stream> held = new ArrayList<>();
		try {
			for (int i = 0; held.size() < total - before; i++) {
				held.add(Stream.open(serverPort, "/halls/" + HALL + "/board/events", "127.0.5." + (1 + i / 20), "en"));
				assertThat(held.get(held.size() - 1).status()).isEqualTo(200);
			}
			browser.open("/halls/" + HALL + "/board");
			String waiting = browser.text("[data-testid=waiting]");
			hall.walkIn("A");
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (browser.text("[data-testid=waiting]").equals(waiting) && System.nanoTime() < deadline) {
				Thread.sleep(250);
			}
			assertThat(browser.text("[data-testid=waiting]")).isNotEqualTo(waiting);
			assertThat(browser.path()).isEqualTo("/halls/" + HALL + "/board");
			assertThat(browser.fetched()).anyMatch(url -> url.endsWith("/halls/" + HALL + "/board"));
		}
		finally {
			for (Stream stream : held) {
				stream.close();
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (open() > before && System.nanoTime() < deadline) {
				hub.keepAlive();
				Thread.sleep(100);
			}
		}
	}

	private int open() {
		return (int) meters.get("onestop.streams.open").gauge().value();
	}

}
