package org.onestop.content;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.BodiesForEveryone;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices: editors write and publish, the public reads only what is published, and
 * nothing unsafe survives.
 */
@IntegrationTest
class NoticeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	NoticeStore store;

	@Autowired
	BodiesForEveryone bodies;

	private long create(String token, String title, String tags, String status, String body) throws Exception {
		String response = mvc
			.perform(post("/api/v1/notices").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title":"%s","summary":"摘要","body":"%s","tags":[%s],"status":"%s"}""".formatted(title, body,
						tags, status)))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(response, "$.id")).longValue();
	}

	@Test
	void anEditorPublishesAndTheUnsafeHtmlIsGone() throws Exception {
		String editor = "Bearer " + Tokens.of(mvc, "editor");
		long id = create(editor, "停车证办理调整", "\"停车\", \"交通\"", "PUBLISHED",
				"<p>新规定</p><script>alert(1)</script><img src=x onerror=alert(2)>");
		mvc.perform(get("/api/v1/notices/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("停车证办理调整"))
			.andExpect(jsonPath("$.bodyHtml").value("<p>新规定</p>"))
			.andExpect(jsonPath("$.releasedAt").isString());
		mvc.perform(get("/notices/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新规定")))
			.andExpect(content().string(not(containsString("onerror"))))
			.andExpect(content().string(not(containsString("alert("))));
		assertThat(db.sql("SELECT actor FROM audit_entry WHERE subject = :s AND action = 'content.notice.created'")
			.param("s", "notice:" + id)
			.query(String.class)
			.single()).isEqualTo("editor");
	}

	@Test
	void draftsAndWithdrawnNoticesAreNotPublic() throws Exception {
		String editor = "Bearer " + Tokens.of(mvc, "editor");
		long id = create(editor, "内部草稿", "\"草稿\"", "DRAFT", "<p>未定稿</p>");
		mvc.perform(get("/api/v1/notices/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/notices/" + id)).andExpect(status().isNotFound());
		String link = "href=\"/notices/" + id + "\"";
		// The public list is kept in memory: each change made through this node is seen
		// by the very next request (not a second later).
		mvc.perform(get("/notices").param("tag", "草稿")).andExpect(content().string(not(containsString(link))));
		mvc.perform(put("/api/v1/notices/" + id).header("Authorization", editor)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"内部草稿","summary":"摘要","body":"<p>定稿</p>","tags":["草稿"],"status":"PUBLISHED"}"""))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/notices/" + id)).andExpect(status().isOk());
		mvc.perform(get("/notices").param("tag", "草稿")).andExpect(content().string(containsString(link)));
		mvc.perform(put("/api/v1/notices/" + id).header("Authorization", editor)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"内部草稿","summary":"摘要","body":"<p>定稿</p>","tags":["草稿"],"status":"WITHDRAWN"}"""))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/notices/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/notices").param("tag", "草稿")).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/notices").param("tag", "草稿")).andExpect(content().string(not(containsString(link))));
	}

	@Test
	void theKeptListFollowsWhatAnotherNodeWritesToTheDatabase() {
		// This node, told to read the revision on every request; the other node's writes
		// reach only the table (no event, no call), as they would from another JVM.
		NoticeListBodies thisNode = new NoticeListBodies(store, bodies, Duration.ZERO);
		String tag = "另一节点-" + UUID.randomUUID();
		assertThat(thisNode.body(Locale.SIMPLIFIED_CHINESE, tag, 0)).doesNotContain("另一节点的通知");
		db.sql("""
				INSERT INTO content_notice (title, summary, body_html, tags, author, status, released_at, updated_at)
				VALUES ('另一节点的通知', '摘要', '<p>正文</p>', ARRAY[:tag], '另一节点', 'PUBLISHED', now(), now())""")
			.param("tag", tag)
			.update();
		assertThat(thisNode.body(Locale.SIMPLIFIED_CHINESE, tag, 0)).contains("另一节点的通知");
		assertThat(thisNode.body(Locale.ENGLISH, tag, 0)).contains("另一节点的通知");
		db.sql("UPDATE content_notice SET title = '另一节点改过的通知' WHERE :tag = ANY(tags)").param("tag", tag).update();
		assertThat(thisNode.body(Locale.SIMPLIFIED_CHINESE, tag, 0)).contains("另一节点改过的通知");
		db.sql("UPDATE content_notice SET status = 'WITHDRAWN' WHERE :tag = ANY(tags)").param("tag", tag).update();
		assertThat(thisNode.body(Locale.SIMPLIFIED_CHINESE, tag, 0)).doesNotContain("另一节点改过的通知");
	}

	@Test
	void onlyEditorsWrite() throws Exception {
		String body = """
				{"title":"t","summary":"s","body":"<p>b</p>","tags":[],"status":"DRAFT"}""";
		mvc.perform(post("/api/v1/notices").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/notices").header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.civil"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
	}

	@Test
	void badNoticesAreRefusedFieldByField() throws Exception {
		mvc.perform(post("/api/v1/notices").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"","summary":"","body":"<script>x</script>","tags":["ok"],"status":null}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.containsInAnyOrder("title", "summary", "status")));
		mvc.perform(post("/api/v1/notices").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"t","summary":"s","body":"<script>x</script>","tags":[],"status":"DRAFT"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void relatedNoticesShareTheMostTagsNewestFirst() throws Exception {
		String editor = "Bearer " + Tokens.of(mvc, "editor");
		long subject = create(editor, "主文", "\"甲\", \"乙\", \"丙\"", "PUBLISHED", "<p>x</p>");
		long oneTag = create(editor, "一个共同标签", "\"甲\"", "PUBLISHED", "<p>x</p>");
		long twoTags = create(editor, "两个共同标签", "\"甲\", \"乙\"", "PUBLISHED", "<p>x</p>");
		long newerOneTag = create(editor, "较新的一个共同标签", "\"丙\"", "PUBLISHED", "<p>x</p>");
		create(editor, "无关", "\"丁\"", "PUBLISHED", "<p>x</p>");
		create(editor, "草稿不算", "\"甲\", \"乙\", \"丙\"", "DRAFT", "<p>x</p>");
		String page = mvc.perform(get("/notices/" + subject)).andReturn().getResponse().getContentAsString();
		org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page);
		assertThat(doc.select("[data-testid=related] a").eachAttr("href")).containsExactly("/notices/" + twoTags,
				"/notices/" + newerOneTag, "/notices/" + oneTag);
	}

	@Test
	void theAtomFeedListsPublishedNotices() throws Exception {
		mvc.perform(get("/notices/feed.atom"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
			.andExpect(content().string(containsString("<feed xmlns=\"http://www.w3.org/2005/Atom\">")))
			.andExpect(content().string(containsString("高龄津贴申请全程网办")))
			.andExpect(content().string(not(containsString("内部草稿"))));
	}

	@Test
	void theListFiltersByTagAndPages() throws Exception {
		mvc.perform(get("/api/v1/notices").param("tag", "身份证"))
			.andExpect(jsonPath("$.items[*].title", org.hamcrest.Matchers.hasItem("关于居民身份证“跨省通办”的通知")))
			.andExpect(jsonPath("$.items[*].tags[*]",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue())));
		mvc.perform(get("/api/v1/notices").param("page", "-1")).andExpect(status().isBadRequest());
		mvc.perform(get("/notices").param("tag", "社保"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("社会保障卡线上申领指南")));
	}

}
