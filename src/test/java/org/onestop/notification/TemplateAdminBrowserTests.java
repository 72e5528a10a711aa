package org.onestop.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator edits a text message: a field the message does not supply is refused
 * beside the field, the preview shows both languages with the signature and the number of
 * texts, and the pages pass axe-core's WCAG 2.1 AA rules. The kind is the test's own, so
 * that no other test's messages change.
 */
class TemplateAdminBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient db;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	private String kind() {
		String kind = "test.template.b" + UUID.randomUUID().toString().replace("-", "");
		db.sql("""
				INSERT INTO notification_kind (template, fields, topic, samples_zh, samples_en)
				VALUES (:t, '{matter,reference}', 'DECISIONS', '{居住证,R1}', '{"Residence permit",R1}')""")
			.param("t", kind)
			.update();
		return kind;
	}

	@Test
	void editAnSmsWithAnErrorBesideTheFieldAndAPreviewInBothLanguages() {
		String kind = kind();
		String path = "/admin/notifications/templates/" + kind + "/sms/";
		browser.signIn("admin", "demo12345");

		browser.open(path + "en");
		browser.type("#body", "((matter)) ((reference)) is ready");
		browser.click("[data-testid=template-save]");
		assertThat(browser.path()).isEqualTo("/admin/notifications/templates?saved=1");
		assertThat(browser.findAll("[data-testid=template-saved]")).hasSize(1);
		browser.assertAccessible();

		browser.open(path + "zh");
		browser.type("#body", "您申请的((matter))截止((deadline))");
		browser.click("[data-testid=template-save]");
		assertThat(browser.text("#body-error")).contains("deadline");
		assertThat(browser.find("#body").getDomProperty("value")).isEqualTo("您申请的((matter))截止((deadline))");
		browser.assertAccessible();

		browser.type("#body", "您申请的((matter))（((reference))）已受理");
		browser.click("[data-testid=template-preview]");
		assertThat(browser.text("[data-testid=preview-zh] pre")).isEqualTo("【OneStop】您申请的居住证（R1）已受理");
		assertThat(browser.text("[data-testid=segments-zh]")).contains("1");
		assertThat(browser.text("[data-testid=preview-en] pre")).isEqualTo("【OneStop】Residence permit R1 is ready");
		browser.assertAccessible();

		browser.click("[data-testid=template-save]");
		assertThat(browser.findAll("[data-testid=template-saved]")).hasSize(1);
		browser.open(path + "zh");
		assertThat(browser.find("#body").getDomProperty("value")).isEqualTo("您申请的((matter))（((reference))）已受理");
	}

	@Test
	void anEmailPreviewShowsTheHtmlCleanedAndTheListPassesAxe() {
		browser.signIn("admin", "demo12345");
		browser.open("/admin/notifications/templates?lang=en");
		assertThat(browser.text("h1")).isEqualTo("Message templates");
		browser.assertAccessible();

		browser.clickLink("Message templates");
		String kind = kind();
		browser.open("/admin/notifications/templates/" + kind + "/email/en");
		browser.type("#subject", "About ((matter))");
		browser.type("#body", "See ((site))/applications");
		browser.type("#htmlBody", "<p>((matter))</p><img src=x onerror=\"document.title='hacked'\">");
		browser.click("[data-testid=template-preview]");
		assertThat(browser.text("[data-testid=preview-en] .onestop-template-html")).isEqualTo("Residence permit");
		assertThat((String) browser.script("return document.title")).doesNotContain("hacked");
		browser.assertAccessible();
	}

}
