package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.assistant.AssistantFixture.Caller;
import org.onestop.assistant.AssistantFixture.Started;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.assistant.AssistantFixture.state;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The handoff rules through the API: a typed request for a person queues in one message,
 * two unconfident replies, a complaint or distress offer a person at once, and "my
 * applications" answers from the caller's data alone. The real Answers reads each
 * message: gibberish is not understood, greetings are small talk.
 */
@IntegrationTest
class ConversationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	AssistantFixture assistant;

	@BeforeEach
	void setUp() {
		assistant = new AssistantFixture(mvc, db);
		assistant.clean();
	}

	@AfterEach
	void tearDown() {
		db.sql("DELETE FROM application WHERE service_code = 'PS-ID-001' AND applicant IN ('li.na', 'zhao.lei') "
				+ "AND explanation = 'assistant test'")
			.update();
	}

	@Test
	void repliesInTheMessagesLanguageButtonsIncludedWhateverTheInterface() throws Exception {
		// No Accept-Language: the interface is Chinese.
		Started c = assistant.start(AssistantFixture.NOBODY);
		String english = assistant.say(c.owner(), c.id(), "how do I renew my passport");
		assertThat(JsonPath.<String>read(english, "$.reply")).contains("not handled on this platform")
			.doesNotContainPattern("\\p{IsHan}");
		assertThat(JsonPath.<List<String>>read(english, "$.matters[*].code")).isEmpty();
		assertThat(JsonPath.<List<String>>read(english, "$.actions[*].label")).contains("Talk to a person");
		String chinese = assistant.say(c.owner(), c.id(), "我妈妈80岁了有什么补贴");
		assertThat(JsonPath.<String>read(chinese, "$.reply")).startsWith("高龄津贴");
		assertThat(JsonPath.<List<String>>read(chinese, "$.actions[*].label")).contains("转人工");
	}

	@Test
	void eachTypedRequestForAPersonJoinsTheQueueWithThatOneMessage() throws Exception {
		assistant.onDuty("agent.hotline", true);
		List<String> phrases = List.of("人工", "转人工", "人工服务", "找客服", "human", "agent", "operator", "person", "0", "０",
				" HUMAN ", "我要人工", "I want to talk to a person", "real person");
		int position = 0;
		for (String phrase : phrases) {
			// Each from its own address: one address keeps only three anonymous
			// conversations waiting.
			Started c = assistant.start(AssistantFixture.NOBODY.from("10.0.1." + position));
			String reply = assistant.say(c.owner(), c.id(), phrase);
			assertThat(state(reply)).as(phrase).isEqualTo("QUEUED");
			assertThat(JsonPath.<Integer>read(reply, "$.handoff.position")).as(phrase).isEqualTo(++position);
			assertThat(JsonPath.<Integer>read(reply, "$.handoff.estimatedWaitMinutes")).isNotNull();
			assertThat(JsonPath.<List<String>>read(reply, "$.actions[*].type")).contains("TALK_TO_PERSON");
		}
		assertThat(db.sql("SELECT count(*) FROM assistant_conversation WHERE messages_to_queue = 1")
			.query(Integer.class)
			.single()).isEqualTo(phrases.size());
		Started other = assistant.start(AssistantFixture.NOBODY);
		assertThat(state(assistant.say(other.owner(), other.id(), "I lost my personal ID card"))).isEqualTo("NONE");
	}

	@Test
	void twoUnconfidentRepliesInARowOfferAPersonAndYesQueues() throws Exception {
		assistant.onDuty("agent.hotline", true);
		Started c = assistant.start(AssistantFixture.NOBODY);
		String first = assistant.say(c.owner(), c.id(), "qwzx blorp");
		assertThat(state(first)).isEqualTo("NONE");
		assertThat(JsonPath.<List<String>>read(first, "$.actions[*].type")).contains("TALK_TO_PERSON");
		assertThat(state(assistant.say(c.owner(), c.id(), "zzkq frob"))).isEqualTo("OFFERED");
		String accepted = assistant.say(c.owner(), c.id(), "是");
		assertThat(state(accepted)).isEqualTo("QUEUED");
		assertThat(JsonPath.<Integer>read(accepted, "$.handoff.position")).isEqualTo(1);
		// An offer is also accepted with the button.
		Started d = assistant.start(AssistantFixture.NOBODY);
		assistant.say(d.owner(), d.id(), "qwzx");
		assistant.say(d.owner(), d.id(), "qwzx");
		mvc.perform(d.owner().on(post("/api/v1/assistant/conversations/" + d.id() + "/offer/accept")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handoff.state").value("QUEUED"))
			.andExpect(jsonPath("$.handoff.position").value(2));
	}

	@Test
	void aConfidentAnswerInBetweenStartsTheCountAgain() throws Exception {
		Started c = assistant.start(AssistantFixture.NOBODY);
		assistant.say(c.owner(), c.id(), "qwzx");
		assertThat(state(assistant.say(c.owner(), c.id(), "你好"))).isEqualTo("NONE");
		assertThat(state(assistant.say(c.owner(), c.id(), "qwzx"))).isEqualTo("NONE");
		assertThat(state(assistant.say(c.owner(), c.id(), "qwzx"))).isEqualTo("OFFERED");
		assertThat(state(assistant.say(c.owner(), c.id(), "不用了"))).isEqualTo("NONE");
	}

	@Test
	void complaintsAndDistressOfferAPersonAtOnceAndDistressShowsTheEmergencyNumbers() throws Exception {
		Started complaint = assistant.start(AssistantFixture.NOBODY);
		assertThat(state(assistant.say(complaint.owner(), complaint.id(), "我要投诉你们的窗口"))).isEqualTo("OFFERED");
		Started english = assistant.start(AssistantFixture.NOBODY);
		assertThat(state(assistant.say(english.owner(), english.id(), "This service is terrible")))
			.isEqualTo("OFFERED");
		Started distress = assistant.start(AssistantFixture.NOBODY);
		String reply = assistant.say(distress.owner(), distress.id(), "我不想活了");
		assertThat(state(reply)).isEqualTo("OFFERED");
		assertThat(JsonPath.<String>read(reply, "$.reply")).contains("12356").contains("120");
	}

	@Test
	void withNobodyOnDutyACallbackIsOffered() throws Exception {
		Started c = assistant.start(AssistantFixture.NOBODY);
		String reply = assistant.say(c.owner(), c.id(), "人工");
		assertThat(state(reply)).isEqualTo("CALLBACK_OFFERED");
		assertThat(JsonPath.<List<String>>read(reply, "$.actions[*].type")).contains("CALLBACK", "TALK_TO_PERSON");
	}

	@Test
	void aCitizensConversationDoesNotOpenWithTheConversationTokenAlone() throws Exception {
		Caller liNa = assistant.citizen("li.na");
		var started = mvc.perform(liNa.on(post("/api/v1/assistant/conversations")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").doesNotExist())
			.andReturn();
		String id = JsonPath.read(started.getResponse().getContentAsString(), "$.id");
		assistant.say(liNa, id, "我的申请办到哪了");
		mvc.perform(assistant.citizen("zhao.lei").on(get("/api/v1/assistant/conversations/" + id)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aTokenNeverMakesAnAnonymousConversationTheSignedInHolders() throws Exception {
		// Started anonymously (a kiosk, or a stranger's script), then read and continued
		// by li.na signed in with its
		// token: she reaches it as its anonymous holder does, but it does not become
		// hers, the holder keeps it, and
		// nothing of her records is written into it.
		Started atKiosk = assistant.start(AssistantFixture.NOBODY);
		assistant.say(atKiosk.owner(), atKiosk.id(), "你好");
		Caller liNa = assistant.citizen("li.na");
		Caller liNaAtKiosk = new Caller(liNa.token(), null, atKiosk.owner().conversationToken());
		mvc.perform(liNaAtKiosk.on(get("/api/v1/assistant/conversations/" + atKiosk.id()))).andExpect(status().isOk());
		String asked = assistant.say(liNaAtKiosk, atKiosk.id(), "我的申请办到哪了");
		assertThat(JsonPath.<List<String>>read(asked, "$.actions[*].href")).contains("/sign-in");
		assertThat(
				db.sql("SELECT count(*) FROM assistant_conversation WHERE id = CAST(:id AS uuid) AND citizen IS NULL")
					.param("id", atKiosk.id())
					.query(Integer.class)
					.single())
			.as("still nobody's")
			.isEqualTo(1);
		mvc.perform(atKiosk.owner().on(get("/api/v1/assistant/conversations/" + atKiosk.id())))
			.andExpect(status().isOk());
		mvc.perform(liNa.on(get("/api/v1/assistant/conversations/" + atKiosk.id()))).andExpect(status().isNotFound());
	}

	@Test
	void distressWhileQueuedStillShowsTheEmergencyNumbersAndUrgentQuestionsAreAnswered() throws Exception {
		assistant.onDuty("agent.hotline", true);
		Started c = assistant.queued(AssistantFixture.NOBODY);
		String reply = assistant.say(c.owner(), c.id(), "我不想活了");
		assertThat(state(reply)).isEqualTo("QUEUED");
		assertThat(JsonPath.<String>read(reply, "$.reply")).contains("12356");
		Started urgent = assistant.start(AssistantFixture.NOBODY);
		String answered = assistant.say(urgent.owner(), urgent.id(), "身份证丢了怎么补办，很急");
		assertThat(JsonPath.<List<String>>read(answered, "$.matters[*].code")).isNotEmpty();
	}

	@Test
	void nothingToAcceptNoCallbackWithoutNeedAndNoControlCharacters() throws Exception {
		assistant.onDuty("agent.hotline", true);
		Started c = assistant.start(AssistantFixture.NOBODY);
		mvc.perform(c.owner().on(post("/api/v1/assistant/conversations/" + c.id() + "/offer/accept")))
			.andExpect(status().isConflict());
		mvc.perform(c.owner()
			.on(post("/api/v1/assistant/conversations/" + c.id() + "/callback"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slot\":\"2030-01-07T10:00\",\"phone\":\"13800138000\"}")).andExpect(status().isConflict());
		mvc.perform(c.owner()
			.on(post("/api/v1/assistant/conversations/" + c.id() + "/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"\\u0000\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		mvc.perform(c.owner()
			.on(post("/api/v1/assistant/conversations/" + c.id() + "/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"你好\\u0000\"}"))
			// the platform refuses control characters in every API body (issue 11)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
	}

	@Test
	void anAgentWhoLeftTheConsoleOnDutyIsNotWaitedFor() throws Exception {
		assistant.onDuty("agent.hotline", true);
		// The console closed without going off duty, six minutes ago: nobody is really
		// there.
		db.sql("UPDATE assistant_agent SET seen_at = now() - interval '6 minutes' WHERE username = 'agent.hotline'")
			.update();
		Started c = assistant.start(AssistantFixture.NOBODY);
		assertThat(state(assistant.say(c.owner(), c.id(), "人工"))).isEqualTo("CALLBACK_OFFERED");
		// Back at the desk (any desk action counts): the next citizen queues.
		mvc.perform(assistant.staff("agent.hotline").on(get("/api/v1/agent/queue"))).andExpect(status().isOk());
		Started d = assistant.start(AssistantFixture.NOBODY);
		assertThat(state(assistant.say(d.owner(), d.id(), "人工"))).isEqualTo("QUEUED");
	}

	@Test
	void myApplicationsAreAnsweredFromTheCallersOwnDataOnly() throws Exception {
		// Citizens of this test's own, so that no other test's applications count.
		Citizen asker = accounts.register(residents.aged(38).create());
		Citizen other = accounts.register(residents.aged(31).create());
		Citizen without = accounts.register(residents.aged(45).create());
		insertApplication(asker.username(), asker.resident().idNumber().value(), asker.resident().name(), "PS-ID-001");
		insertApplication(other.username(), other.resident().idNumber().value(), other.resident().name(), "PS-ID-001");
		Caller caller = new Caller(asker.authorization(), null);
		Started mine = assistant.start(caller);
		String reply = JsonPath.read(assistant.say(caller, mine.id(), "我的申请办到哪了"), "$.reply");
		assertThat(reply).contains("1 件").contains("审核中").doesNotContain(other.resident().name());
		Caller nothing = new Caller(without.authorization(), null);
		Started hers = assistant.start(nothing);
		assertThat(JsonPath.<String>read(assistant.say(nothing, hers.id(), "我的申请"), "$.reply")).contains("没有正在办理");
		Started anonymous = assistant.start(AssistantFixture.NOBODY);
		String signIn = assistant.say(anonymous.owner(), anonymous.id(), "我的申请办到哪了");
		assertThat(JsonPath.<List<String>>read(signIn, "$.actions[*].href")).contains("/sign-in");
		assertThat(JsonPath.<String>read(signIn, "$.reply")).contains("登录");
	}

	@Test
	void aConversationAnswersOnlyItsOwner() throws Exception {
		Started anonymous = assistant.start(AssistantFixture.NOBODY);
		assistant.say(anonymous.owner(), anonymous.id(), "你好");
		mvc.perform(anonymous.owner()
			.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/assistant/conversations/" + anonymous.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[0].text").value("你好"))
			.andExpect(jsonPath("$.messages[0].author").value("CITIZEN"));
		Started otherBrowser = assistant.start(AssistantFixture.NOBODY);
		mvc.perform(otherBrowser.owner()
			.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/assistant/conversations/" + anonymous.id())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/assistant/conversations/" + anonymous.id() + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"hi\"}")).andExpect(status().isNotFound());
		Caller liNa = assistant.citizen("li.na");
		Started hers = assistant.start(liNa);
		mvc.perform(assistant.citizen("zhao.lei")
			.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/assistant/conversations/" + hers.id())))
			.andExpect(status().isNotFound());
		mvc.perform(liNa.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/assistant/conversations/" + anonymous.id()))).andExpect(status().isNotFound());
		mvc.perform(liNa.on(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/assistant/conversations/" + hers.id()))).andExpect(status().isOk());
	}

	@Test
	void anAnonymousConversationSurvivesSigningInThoughTheSessionIdChanges() throws Exception {
		// Pages keep the conversation in the browser session.
		var asked = mvc.perform(post("/assistant").param("text", "你好").with(org.onestop.Csrf.csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		jakarta.servlet.http.Cookie anonymous = asked.getResponse().getCookie("ONESTOP_SESSION");
		String id = asked.getResponse().getRedirectedUrl().replaceAll("^/assistant/([0-9a-f-]+).*$", "$1");
		jakarta.servlet.http.Cookie signedIn = mvc
			.perform(post("/sign-in").with(org.onestop.Csrf.csrf())
				.cookie(anonymous)
				.param("username", "wang.fang")
				.param("password", "demo12345"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		assertThat(signedIn).isNotNull();
		assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/assistant/conversations/" + id)
			.cookie(signedIn)).andExpect(status().isOk()).andExpect(jsonPath("$.messages[0].text").value("你好"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/assistant/conversations/" + id)
			.cookie(anonymous)).andExpect(status().isNotFound());
	}

	@Test
	void badInputIsAProblemInTheCallersLanguage() throws Exception {
		Started c = assistant.start(AssistantFixture.NOBODY);
		mvc.perform(c.owner()
			.on(post("/api/v1/assistant/conversations/" + c.id() + "/messages"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].message").value("Please type your question"));
		mvc.perform(c.owner()
			.on(post("/api/v1/assistant/conversations/" + c.id() + "/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(AssistantFixture.json("text", "长".repeat(1001))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("一条消息最多 1000 个字"));
		mvc.perform(c.owner()
			.on(post("/api/v1/assistant/conversations/" + c.id() + "/rating"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("helpful"));
		assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE subject = :s AND action = 'assistant.started'")
			.param("s", "conversation:" + c.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private void insertApplication(String applicant, String idNumber, String name, String service) {
		db.sql("""
				INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
				  form_revision, department, status, explanation, created_at, updated_at, submitted_at)
				VALUES (:id, :a, :idn, :n, :s, 1, 1, 'PS', 'IN_REVIEW', 'assistant test', :now, :now, :now)""")
			.param("id", UUID.randomUUID())
			.param("a", applicant)
			.param("idn", idNumber)
			.param("n", name)
			.param("s", service)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

}
