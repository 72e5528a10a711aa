package org.onestop.notification;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox page and the count in every page's header. */
@IntegrationTest
class InboxPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient db;

	private Cookie signIn(String username) throws Exception {
		return mvc.perform(post("/sign-in").with(csrf()).param("username", username).param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
	}

	private Document page(String path, Cookie... cookies) throws Exception {
		var request = get(path);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return Jsoup
			.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	@Test
	void unreadMessagesAreMarkedAndCountedInTheHeader() throws Exception {
		Cookie li = signIn("li.na");
		UUID id = inbox.send(new Message("li.na", "notification.welcome", List.of("李娜"), "/account", "WELCOME"));
		int unread = inbox.unreadCount("li.na");

		Document page = page("/inbox", li);
		assertThat(page.select("h1").text()).isEqualTo("我的消息");
		assertThat(page.select("[data-testid=inbox-link]").text()).isEqualTo("消息（" + unread + "）");
		var item = page.select("form[action=/inbox/" + id + "/open]").first();
		assertThat(item).isNotNull();
		assertThat(item.select(".govuk-tag").text()).isEqualTo("新");
		assertThat(item.select("button").text()).isEqualTo("欢迎使用一网通办，李娜。办件进展会发到这里。");

		Document english = page("/inbox", li, new Cookie("onestop_lang", "en"));
		assertThat(english.select("[data-testid=inbox-link]").text()).isEqualTo("Inbox (" + unread + ")");
		assertThat(english.select("form[action=/inbox/" + id + "/open] .govuk-tag").text()).isEqualTo("New");
	}

	@Test
	void openingAMessageMarksItReadAndFollowsItsLink() throws Exception {
		Cookie li = signIn("li.na");
		UUID id = inbox
			.send(new Message("li.na", "notification.welcome", List.of("李娜"), "/account?tab={x}", "WELCOME"));
		int unread = inbox.unreadCount("li.na");

		mvc.perform(post("/inbox/" + id + "/open").cookie(li)).andExpect(status().isForbidden());
		mvc.perform(post("/inbox/" + id + "/open").with(csrf()).cookie(li))
			.andExpect(redirectedUrl("/account?tab={x}"));
		assertThat(inbox.unreadCount("li.na")).isEqualTo(unread - 1);
		assertThat(page("/inbox", li).select("form[action=/inbox/" + id + "/open] .govuk-tag")).isEmpty();

		UUID noLink = inbox.send(new Message("li.na", "notification.welcome", List.of("李娜"), null, "WELCOME"));
		mvc.perform(post("/inbox/" + noLink + "/open").with(csrf()).cookie(li)).andExpect(redirectedUrl("/inbox"));
	}

	@Test
	void anotherPersonsMessageCannotBeOpened() throws Exception {
		UUID theirs = inbox
			.send(new Message("wang.fang", "notification.welcome", List.of("王芳"), "/account", "WELCOME"));
		mvc.perform(post("/inbox/" + theirs + "/open").with(csrf()).cookie(signIn("li.na")))
			.andExpect(status().isNotFound());
		assertThat(db.sql("SELECT read_at IS NULL FROM notification WHERE id = :id")
			.param("id", theirs)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void staffHaveAnInboxTooAndMarkingAllReadEmptiesTheCount() throws Exception {
		Cookie reviewer = signIn("reviewer.civil");
		inbox.send(new Message("reviewer.civil", "notification.welcome", List.of("陈静"), "/staff", "WELCOME"));
		assertThat(page("/staff", reviewer).select("[data-testid=inbox-link]").text()).matches("消息（\\d+）");

		mvc.perform(post("/inbox/read-all").with(csrf()).cookie(reviewer)).andExpect(redirectedUrl("/inbox"));
		Document page = page("/inbox", reviewer);
		assertThat(page.select("[data-testid=inbox-link]").text()).isEqualTo("消息");
		assertThat(page.select(".onestop-inbox .govuk-tag")).isEmpty();
		assertThat(page.select("[data-testid=read-all]")).isEmpty();
	}

	@Test
	void anEmptyInboxSaysSoAndLongOnesArePaged() throws Exception {
		// head.civil's inbox belongs to this test alone: emptied here, so that the empty
		// state is certain.
		db.sql("DELETE FROM notification WHERE recipient = 'head.civil'").update();
		Cookie head = signIn("head.civil");
		assertThat(page("/inbox", head).select("[data-testid=inbox-empty]")).hasSize(1);

		for (int i = 0; i < 21; i++) {
			inbox.send(new Message("head.civil", "notification.welcome", List.of("郑国栋 " + i), null, "WELCOME"));
		}
		Document first = page("/inbox", head);
		assertThat(first.select("[data-testid=notification]")).hasSize(20);
		assertThat(first.select(".govuk-pagination a[rel=next]").attr("href")).isEqualTo("/inbox?page=1");
		Document second = page("/inbox?page=1", head);
		assertThat(second.select("[data-testid=notification]")).hasSize(1);
		assertThat(second.select(".govuk-pagination a[rel=prev]").attr("href")).isEqualTo("/inbox");
	}

	@Test
	void visitorsAreAskedToSignIn() throws Exception {
		mvc.perform(get("/inbox")).andExpect(redirectedUrl("/sign-in"));
		assertThat(page("/").select("[data-testid=inbox-link]")).isEmpty();
	}

}
