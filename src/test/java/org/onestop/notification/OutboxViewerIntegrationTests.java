package org.onestop.notification;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox viewer and its API: administrators only, filtered by recipient and status,
 * addresses masked, a message's exact text (a one-time code's too, outside production).
 */
@IntegrationTest
class OutboxViewerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OutboxStore outbox;

	@Autowired
	JdbcClient db;

	OutboxRows rows;

	String address;

	@BeforeEach
	void rows() {
		rows = new OutboxRows(outbox, db);
		address = "v" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	@AfterEach
	void removeRows() {
		rows.removeAll();
	}

	private Cookie signIn(String username) throws Exception {
		return mvc.perform(post("/sign-in").with(csrf()).param("username", username).param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
	}

	private Document page(String path, Cookie... cookies) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).cookie(cookies))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theApiListsStatusesPerMessageForAdministratorsOnly() throws Exception {
		UUID id = rows.mail(address, false);
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(get("/api/v1/admin/outbox").param("recipient", address).header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id.toString()))
			.andExpect(jsonPath("$.items[0].channel").value("EMAIL"))
			.andExpect(jsonPath("$.items[0].template").value("notification.welcome"))
			.andExpect(jsonPath("$.items[0].status").value("CREATED"))
			.andExpect(jsonPath("$.items[0].attempts").value(0))
			.andExpect(jsonPath("$.items[0].address").value(address.charAt(0) + "***@example.com"))
			.andExpect(jsonPath("$.items[0].createdAt").isString())
			.andExpect(jsonPath("$.hasNext").value(false));
		mvc.perform(get("/api/v1/admin/outbox").param("recipient", address)
			.param("status", "DELIVERED")
			.header("Authorization", admin)).andExpect(jsonPath("$.items.length()").value(0));

		mvc.perform(get("/api/v1/admin/outbox").param("status", "LOST").header("Authorization", admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(get("/api/v1/admin/outbox").header("Authorization", "Bearer " + Tokens.of(mvc, "editor")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/outbox")).andExpect(status().isUnauthorized());
	}

	@Test
	void theViewerFiltersAndPagesNewestFirstWithAddressesMasked() throws Exception {
		for (int i = 0; i < OutboxViewer.PAGE_SIZE + 1; i++) {
			rows.text("139" + String.format("%08d", i), false);
		}
		UUID mail = rows.mail(address, false);
		Cookie admin = signIn("admin");

		Document byAddress = page("/admin/outbox?recipient=" + address, admin);
		assertThat(byAddress.select("[data-testid=outbox-row]")).hasSize(1);
		assertThat(byAddress.select("[data-testid=outbox-row]").text()).contains(address.charAt(0) + "***@example.com")
			.doesNotContain(address)
			.contains("待发送");
		assertThat(byAddress.select("[data-testid=outbox-open]").attr("href")).isEqualTo("/admin/outbox/" + mail);

		Document byUser = page("/admin/outbox?recipient=outbox.test&status=CREATED", admin);
		assertThat(byUser.select("[data-testid=outbox-row]")).hasSize(OutboxViewer.PAGE_SIZE);
		assertThat(byUser.select("[data-testid=outbox-row]").get(0).text()).contains(address.charAt(0) + "***@");
		assertThat(byUser.select("[data-testid=outbox-row]").get(1).text()).contains("139****0025");
		String next = byUser.select("[data-testid=outbox-next]").attr("href");
		assertThat(next).contains("recipient=outbox.test").contains("status=CREATED").contains("page=1");
		assertThat(page(next, admin).select("[data-testid=outbox-row]")).hasSize(2);

		Document refused = page("/admin/outbox?status=LOST", admin);
		assertThat(refused.select("#status-error").text()).contains("请从列表中选择一个状态");
	}

	@Test
	void aMessageIsShownExactlyAsSentAndACodeIsGoneOnceDelivered() throws Exception {
		UUID code = rows.mail(address, true);
		Cookie admin = signIn("admin");
		Document shown = page("/admin/outbox/" + code, admin);
		assertThat(shown.select("[data-testid=outbox-message-subject]").text()).isEqualTo("Your code");
		assertThat(shown.select("[data-testid=outbox-message-body]").text()).isEqualTo("Code 123456");
		assertThat(shown.select("[data-testid=outbox-message-html]").text()).isEqualTo("<p>Code <b>123456</b></p>");
		assertThat(shown.select("[data-testid=outbox-message-html] b")).isEmpty();

		db.sql("UPDATE notification_outbox SET status = 'DELIVERED', body = '', html_body = NULL,"
				+ " redacted_at = created_at WHERE id = :id")
			.param("id", code)
			.update();
		Document removed = page("/admin/outbox/" + code, admin);
		assertThat(removed.select("[data-testid=outbox-message-removed]")).hasSize(1);
		assertThat(removed.select("[data-testid=outbox-message-body]")).isEmpty();

		mvc.perform(get("/admin/outbox/" + UUID.randomUUID()).cookie(admin)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/outbox/not-an-id").cookie(admin)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/outbox/" + code).cookie(signIn("clerk.civil"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/outbox").cookie(signIn("editor"))).andExpect(status().isForbidden());
	}

	@Test
	void messagesNotSentForWantOfAProviderAreMarkedSo() throws Exception {
		UUID id = rows.text("13912345678", false);
		db.sql("UPDATE notification_outbox SET status = 'NOT_CONFIGURED', attempts = 1 WHERE id = :id")
			.param("id", id)
			.update();
		Cookie admin = signIn("admin");
		Document list = page("/admin/outbox?recipient=13912345678", admin);
		assertThat(list.select("[data-testid=outbox-not-configured]").text()).contains("未实际发送（演示）");
		assertThat(list.select("[data-testid=outbox-row]").text()).contains("139****5678").contains("未实际发送（演示）");
		Document one = page("/admin/outbox/" + id, admin, new Cookie("onestop_lang", "en"));
		assertThat(one.select("[data-testid=outbox-message-not-sent]").text()).contains("Not actually sent (demo)");
		assertThat(one.select("[data-testid=outbox-message-body]").text()).isEqualTo("【OneStop】Code 654321");
	}

}
