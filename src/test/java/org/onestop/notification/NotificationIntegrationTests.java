package org.onestop.notification;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox through its facade and its API: each person sees only their own messages, in
 * their own language.
 */
@IntegrationTest
class NotificationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient db;

	@Autowired
	TransactionTemplate transactions;

	private static Message welcome(String recipient, String name, String link) {
		return new Message(recipient, "notification.welcome", List.of(name), link, "WELCOME");
	}

	private boolean stored(UUID id) {
		return db.sql("SELECT count(*) FROM notification WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() == 1;
	}

	@Test
	void aMessageReachesItsRecipientOnlyInTheirLanguage() throws Exception {
		String name = "测试-" + UUID.randomUUID();
		UUID id = inbox.send(welcome("wang.fang", name, "/account"));
		String wang = "Bearer " + Tokens.of(mvc, "wang.fang");

		mvc.perform(get("/api/v1/me/notifications").header("Authorization", wang).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id.toString()))
			.andExpect(jsonPath("$.items[0].kind").value("WELCOME"))
			.andExpect(jsonPath("$.items[0].subject")
				.value("Welcome to OneStop, " + name + ". News about your applications will arrive here."))
			.andExpect(jsonPath("$.items[0].link").value("/account"))
			.andExpect(jsonPath("$.items[0].read").value(false))
			.andExpect(jsonPath("$.items[0].createdAt").isString());
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", wang).header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.items[0].subject").value("欢迎使用一网通办，" + name + "。办件进展会发到这里。"));
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", not(hasItem(id.toString()))));
	}

	@Test
	void nobodyReadsAnotherPersonsMessageOrLearnsThatItExists() throws Exception {
		UUID id = inbox.send(welcome("wang.fang", "王芳", null));
		String li = "Bearer " + Tokens.of(mvc, "li.na");
		for (String target : new String[] { id.toString(), UUID.randomUUID().toString(), "not-an-id" }) {
			mvc.perform(post("/api/v1/me/notifications/" + target + "/read").header("Authorization", li))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		assertThat(db.sql("SELECT read_at IS NULL FROM notification WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
		mvc.perform(get("/api/v1/me/notifications")).andExpect(status().isUnauthorized());
	}

	@Test
	void theUnreadCountFollowsReading() throws Exception {
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.civil");
		int before = inbox.unreadCount("clerk.civil");
		UUID first = inbox.send(welcome("clerk.civil", "刘洋", "/staff"));
		inbox.send(welcome("clerk.civil", "刘洋", "/staff"));
		mvc.perform(get("/api/v1/me/notifications/unread-count").header("Authorization", clerk))
			.andExpect(jsonPath("$.unread").value(before + 2));

		for (int twice = 0; twice < 2; twice++) {
			mvc.perform(post("/api/v1/me/notifications/" + first + "/read").header("Authorization", clerk))
				.andExpect(status().isNoContent());
		}
		assertThat(inbox.unreadCount("clerk.civil")).isEqualTo(before + 1);
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", clerk))
			.andExpect(jsonPath("$.items[1].id").value(first.toString()))
			.andExpect(jsonPath("$.items[1].read").value(true));

		mvc.perform(post("/api/v1/me/notifications/read-all").header("Authorization", clerk))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me/notifications/unread-count").header("Authorization", clerk))
			.andExpect(jsonPath("$.unread").value(0));
	}

	@Test
	void theListComesTwentyToAPageNewestFirst() throws Exception {
		for (int i = 0; i < 21; i++) {
			inbox.send(welcome("zhao.lei", "第" + i + "条", null));
		}
		String zhao = "Bearer " + Tokens.of(mvc, "zhao.lei");
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", zhao))
			.andExpect(jsonPath("$.items.length()").value(20))
			.andExpect(jsonPath("$.items[0].subject").value(org.hamcrest.Matchers.containsString("第20条")))
			.andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(21)));
		mvc.perform(get("/api/v1/me/notifications").param("page", "1").header("Authorization", zhao))
			.andExpect(jsonPath("$.items[0].subject").value(org.hamcrest.Matchers.containsString("第0条")));
		mvc.perform(get("/api/v1/me/notifications").param("page", "-1").header("Authorization", zhao))
			.andExpect(status().isBadRequest());
	}

	@Test
	void linksMustStayOnThisSite() {
		for (String link : new String[] { "https://evil.example", "//evil.example", "/\\evil.example",
				"javascript:alert(1)", "evil", "/ok\nLocation: x" }) {
			assertThatThrownBy(() -> inbox.send(welcome("li.na", "x", link))).as(link)
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.fields()).extracting(f -> f.field()).containsExactly("link"));
		}
		assertThatThrownBy(() -> new Message("li.na", "notification.welcome", List.of(), "/", "not a kind"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new Message(" ", "notification.welcome", List.of(), "/", "WELCOME"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(stored(inbox.send(welcome("li.na", "x", "/applications/123?tab=documents")))).isTrue();
	}

	@Test
	void aMessageIsKeptOrRolledBackWithTheSendersTransaction() {
		UUID rolledBack = transactions.execute(status -> {
			UUID id = inbox.send(welcome("li.na", "回滚", "/account"));
			status.setRollbackOnly();
			return id;
		});
		assertThat(stored(rolledBack)).isFalse();

		UUID committed = transactions.execute(status -> inbox.send(welcome("li.na", "提交", "/account")));
		assertThat(stored(committed)).isTrue();
	}

}
