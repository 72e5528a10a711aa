package org.onestop.notification;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.Tokens;
import org.onestop.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Saving templates: versions guard against lost updates, unknown fields are refused, the
 * audit log hears of each save, and an inbox line replaces the bundle text on the inbox.
 * Each test makes its own kind, so that no other test's messages change.
 */
@IntegrationTest
class TemplateIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TemplateAdministration administration;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient db;

	private String kind;

	@BeforeEach
	void aKindOfItsOwn() {
		kind = "test.template.k" + UUID.randomUUID().toString().replace("-", "");
		db.sql("""
				INSERT INTO notification_kind (template, fields, topic, samples_zh, samples_en)
				VALUES (:t, '{matter,reference}', 'DECISIONS', '{居住证,R1}', '{"Residence permit",R1}')""")
			.param("t", kind)
			.update();
	}

	private static TemplateDraft sms(String body) {
		return new TemplateDraft(null, body, null, null);
	}

	@Test
	void eachSaveBumpsTheVersionAndAStaleOneIsRefused() {
		assertThat(administration.save("admin", kind, "sms", "zh", 0, sms("((matter))已受理")).version()).isEqualTo(1);
		assertThatThrownBy(() -> administration.save("admin", kind, "sms", "zh", 0, sms("另一人的首稿")))
			.isInstanceOf(ConflictException.class);
		TemplatePages.TemplateView second = administration.save("editor2", kind, "SMS", "zh", 1, sms("((matter))办结"));
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.updatedBy()).isEqualTo("editor2");
		assertThatThrownBy(() -> administration.save("admin", kind, "sms", "zh", 1, sms("迟到的修改")))
			.isInstanceOf(ConflictException.class);
		assertThat(administration.find(kind, "sms", "zh").body()).isEqualTo("((matter))办结");
		assertThat(
				db.sql("SELECT count(*) FROM audit_entry WHERE action = 'notification.template.saved' AND subject = ?")
					.param("template:" + kind + "/SMS/zh")
					.query(Integer.class)
					.single())
			.isEqualTo(2);
	}

	@Test
	void aTemplateNamingAFieldTheMessageDoesNotSupplyIsNotKept() {
		assertThatThrownBy(() -> administration.save("admin", kind, "email", "en", 0,
				new TemplateDraft("About ((matter))", "Due ((deadline))", null, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(administration.find(kind, "email", "en").version()).isZero();
	}

	@Test
	void anInboxLineReplacesTheBundleTextOnTheReadersInbox() {
		administration.save("admin", kind, "inbox", "en", 0, sms("((matter)) (((reference))) moved on"));
		administration.save("admin", kind, "inbox", "zh", 0, sms("((matter))（((reference))）有进展"));
		inbox.send(new Message("wang.fang", kind,
				List.of(Message.named(new LocalizedText("居住证", "Residence permit")), "YW1"), "/account", "TEST"));

		assertThat(inbox.page("wang.fang", 0, Locale.ENGLISH).items().get(0).subject())
			.isEqualTo("Residence permit (YW1) moved on");
		assertThat(inbox.page("wang.fang", 0, Locale.SIMPLIFIED_CHINESE).items().get(0).subject())
			.isEqualTo("居住证（YW1）有进展");
	}

	@Test
	void theApiSavesByVersionAndAnswersConflictsAndRefusalsAsProblems() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		String path = "/api/v1/admin/notification-templates/" + kind + "/email/en";
		String body = """
				{"version":0,"subject":"About ((matter))","body":"See ((site))/applications",
				 "htmlBody":"<p>((matter))</p><script>x()</script>"}""";
		mvc.perform(put(path).header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.htmlBody").value("<p>((matter))</p>"));
		mvc.perform(put(path).header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").isString());
		mvc.perform(put(path).header("Authorization", admin)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subject\":\"About ((deadline))\",\"body\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		mvc.perform(get(path).header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(post(path + "/preview").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"subject\":\"About ((matter))\",\"body\":\"((reference))\",\"htmlBody\":\"<b>((matter))</b>\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].language").value("zh"))
			.andExpect(jsonPath("$[0].written").value(false))
			.andExpect(jsonPath("$[1].subject").value("About Residence permit"))
			.andExpect(jsonPath("$[1].htmlBody").value("<b>Residence permit</b>"));
		mvc.perform(get("/api/v1/admin/notification-templates").header("Authorization", admin))
			.andExpect(status().isOk());
		mvc.perform(get(path).header("Authorization", "Bearer " + Tokens.of(mvc, "wang.fang")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/notification-templates/no.such/email/en").header("Authorization", admin))
			.andExpect(status().isNotFound());
	}

}
