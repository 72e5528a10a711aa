package org.onestop.assistant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A signed-in citizen's callback is confirmed and, 15 minutes before the slot, reminded
 * once (even with two sweeps racing), by inbox and text to their proved phone; an
 * anonymous request's number gets neither.
 */
@IntegrationTest
class CallbackMessagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	CallbackSlots slots;

	@Autowired
	CallbackReminders reminders;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	private String slot;

	@BeforeEach
	void setUp() {
		new AssistantFixture(mvc, db).clean();
		slot = slots.offered(Locale.CHINA).get(0).value();
	}

	@Test
	void aSignedInCitizenIsConfirmedAndRemindedOnce() throws Exception {
		Citizen citizen = accounts.register(residents.aged(50).create());
		mvc.perform(post("/assistant/call-me").param("from", "/appointments")
			.param("title", "预约")
			.param("slot", slot)
			.with(csrf())
			.with(signedIn(citizen.username()))).andExpect(redirectedUrl("/assistant/call-me/done"));
		assertThat(messages(citizen.username(), "assistant.callback.confirmed")).isEqualTo(1);
		assertThat(texts(citizen.resident().phone(), "assistant.callback.confirmed")).isEqualTo(1);

		Instant at = db
			.sql("SELECT slot_at FROM assistant_callback b JOIN assistant_conversation c"
					+ " ON c.id = b.conversation_id WHERE c.citizen = :c")
			.param("c", citizen.username())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		reminders.remind(at.minus(Duration.ofMinutes(16)));
		assertThat(messages(citizen.username(), "assistant.callback.reminder")).isZero();

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> sweeps = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				sweeps.add(pool.submit((Callable<Integer>) () -> reminders.remind(at.minus(Duration.ofMinutes(15)))));
			}
			for (Future<Integer> sweep : sweeps) {
				sweep.get();
			}
		}
		finally {
			pool.shutdown();
		}
		reminders.remind(at.minus(Duration.ofMinutes(5)));
		assertThat(messages(citizen.username(), "assistant.callback.reminder")).isEqualTo(1);
		assertThat(texts(citizen.resident().phone(), "assistant.callback.reminder")).isEqualTo(1);
		assertThat(db.sql("SELECT body FROM notification_outbox WHERE address = :p AND template = :t")
			.param("p", citizen.resident().phone())
			.param("t", "assistant.callback.reminder")
			.query(String.class)
			.single()).contains(slot.replace('T', ' '));
	}

	@Test
	void anAnonymousRequestIsNeitherTextedNorReminded() throws Exception {
		String phone = "13700137123";
		mvc.perform(post("/assistant/call-me").param("from", "/register")
			.param("title", "注册账户")
			.param("slot", slot)
			.param("phone", phone)
			.with(csrf())).andExpect(redirectedUrl("/assistant/call-me/done"));
		Instant at = db.sql("SELECT slot_at FROM assistant_callback WHERE phone = :p")
			.param("p", phone)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		reminders.remind(at.minus(Duration.ofMinutes(10)));
		assertThat(db.sql("SELECT count(*) FROM notification_outbox WHERE address = :p")
			.param("p", phone)
			.query(Integer.class)
			.single()).isZero();
		assertThat(db.sql("SELECT reminded_at IS NULL FROM assistant_callback WHERE phone = :p")
			.param("p", phone)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private int messages(String citizen, String key) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :c AND subject_key = :k")
			.param("c", citizen)
			.param("k", key)
			.query(Integer.class)
			.single();
	}

	private int texts(String phone, String key) {
		return db.sql("""
				SELECT count(*) FROM notification_outbox WHERE address = :p AND template = :k AND channel = 'SMS'
				  AND status = 'CREATED'""").param("p", phone).param("k", key).query(Integer.class).single();
	}

	private static RequestPostProcessor signedIn(String username) {
		return authentication(new UsernamePasswordAuthenticationToken(
				new OneStopUser(username, username, false, null, null, Set.of()), null,
				Set.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
	}

}
