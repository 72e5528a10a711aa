package org.onestop.assistant;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onestop.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Call me back" from a form page (issue 15): the callback is an ordinary task of the
 * agents' pool, with the page it came from recorded; a signed-in citizen is called on the
 * phone of their account, anyone else on the number they type; a refused form keeps
 * nothing.
 */
@IntegrationTest
class CallMeIntegrationTests {

	private static final String FROM = "/services/CA-ELD-001/apply";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	CallbackSlots slots;

	private String slot;

	@BeforeEach
	void setUp() {
		new AssistantFixture(mvc, db).clean();
		slot = slots.offered(Locale.CHINA).get(0).value();
	}

	@Test
	void aSignedInCitizenIsCalledOnTheirAccountsPhoneAndThePageIsRecorded() throws Exception {
		mvc.perform(get("/assistant/call-me").param("from", FROM).param("title", "高龄津贴申请").with(citizen("wang.fang")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("189****4004")))
			.andExpect(content().string(not(containsString("id=\"phone\""))));

		mvc.perform(post("/assistant/call-me").param("from", FROM)
			.param("title", "高龄津贴申请")
			.param("slot", slot)
			.with(csrf())
			.with(citizen("wang.fang"))).andExpect(redirectedUrl("/assistant/call-me/done"));

		Map<String, Object> callback = db.sql("""
				SELECT b.phone, b.from_page, b.from_title, b.requested_by, c.citizen, c.handoff
				FROM assistant_callback b JOIN assistant_conversation c ON c.id = b.conversation_id""")
			.query()
			.singleRow();
		assertThat(callback).containsEntry("phone", "18916444004")
			.containsEntry("from_page", FROM)
			.containsEntry("from_title", "高龄津贴申请")
			.containsEntry("requested_by", "wang.fang")
			.containsEntry("citizen", "wang.fang")
			.containsEntry("handoff", "CALLBACK_SCHEDULED");
		assertThat(db.sql("SELECT text FROM assistant_message WHERE author = 'SYSTEM' ORDER BY id")
			.query(String.class)
			.list()).anySatisfy(text -> assertThat(text).contains("高龄津贴申请"));
	}

	@Test
	void anAnonymousVisitorTypesANumberAndAMistakeKeepsNothing() throws Exception {
		mvc.perform(post("/assistant/call-me").param("from", "/register")
			.param("title", "注册账户")
			.param("slot", slot)
			.param("phone", "12345")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"phone-error\"")))
			.andExpect(content().string(containsString("value=\"12345\"")));
		assertThat(db.sql("SELECT count(*) FROM assistant_conversation").query(Long.class).single()).isZero();

		mvc.perform(post("/assistant/call-me").param("from", "/register")
			.param("title", "注册账户")
			.param("slot", slot)
			.param("phone", "138 0013 8000")
			.with(csrf())).andExpect(redirectedUrl("/assistant/call-me/done"));

		assertThat(db.sql("SELECT phone, from_page, requested_by FROM assistant_callback").query().singleRow())
			.containsEntry("phone", "13800138000")
			.containsEntry("from_page", "/register")
			.containsEntry("requested_by", "anonymous");
	}

	@Test
	void aPageElsewhereIsRecordedAsTheHomePage() throws Exception {
		mvc.perform(post("/assistant/call-me").param("from", "https://elsewhere.example/phish")
			.param("title", "x".repeat(500))
			.param("slot", slot)
			.param("phone", "13800138000")
			.with(csrf())).andExpect(redirectedUrl("/assistant/call-me/done"));

		Map<String, Object> callback = db.sql("SELECT from_page, from_title FROM assistant_callback")
			.query()
			.singleRow();
		assertThat(callback).containsEntry("from_page", "/");
		assertThat((String) callback.get("from_title")).hasSize(CallMe.MAX_TITLE);
	}

	@Test
	void oneNumberIsCalledBackAtMostThreeTimesADayWhoeverAsks() throws Exception {
		for (int i = 0; i < Callbacks.MAX_PER_PHONE; i++) {
			// Each request without a session: a fresh visitor every time.
			mvc.perform(post("/assistant/call-me").param("from", "/register")
				.param("slot", slot)
				.param("phone", "138-0013-8000")
				.with(csrf())).andExpect(redirectedUrl("/assistant/call-me/done"));
		}
		mvc.perform(post("/assistant/call-me").param("from", "/register")
			.param("slot", slot)
			.param("phone", "+86 13800138000")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"phone-error\"")))
			.andExpect(content().string(containsString("24小时内已预约了3次回电")));
		mvc.perform(post("/assistant/call-me").param("from", "/register")
			.param("slot", slot)
			.param("phone", "13800138000")
			.header("Accept-Language", "en")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("already has 3 callbacks booked within 24 hours")));
		assertThat(db.sql("SELECT count(*) FROM assistant_callback").query(Long.class).single()).isEqualTo(3);
		assertThat(db.sql("SELECT count(*) FROM assistant_conversation").query(Long.class).single()).isEqualTo(3);

		// Another number is not held back.
		mvc.perform(post("/assistant/call-me").param("from", "/register")
			.param("slot", slot)
			.param("phone", "13900139000")
			.with(csrf())).andExpect(redirectedUrl("/assistant/call-me/done"));
	}

	private static RequestPostProcessor citizen(String username) {
		return authentication(new UsernamePasswordAuthenticationToken(
				new OneStopUser(username, username, false, null, null, Set.of()), null,
				Set.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
	}

}
