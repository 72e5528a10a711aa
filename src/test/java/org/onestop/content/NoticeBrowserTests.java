package org.onestop.content;

import org.junit.jupiter.api.Test;
import org.onestop.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor publishes an article; the public reads it and finds it in the feed. */
class NoticeBrowserTests extends BrowserTest {

	@Test
	void publishAnArticleAndSeeItInTheFeed() {
		browser.signIn("editor", "demo12345");
		browser.open("/admin/notices/new");
		browser.type("#title", "浏览器测试公告：冬季供暖补贴");
		browser.type("#summary", "符合条件的家庭可申请冬季供暖补贴。");
		browser.type("#body", "<p>申请时间为 12 月。</p><script>document.title='hacked'</script>");
		browser.type("#tags", "供暖, 补贴");
		browser.find("#status-PUBLISHED").click();
		browser.submit();
		assertThat(browser.path()).startsWith("/admin/notices?saved=");

		browser.open("/notices?tag=供暖");
		browser.clickLink("浏览器测试公告：冬季供暖补贴");
		assertThat(browser.text("h1")).isEqualTo("浏览器测试公告：冬季供暖补贴");
		assertThat(browser.text(".onestop-article")).contains("申请时间为 12 月。");
		assertThat((String) browser.script("return document.title")).doesNotContain("hacked");

		browser.open("/notices/feed.atom");
		assertThat((String) browser.script("return document.documentElement.outerHTML")).contains("浏览器测试公告：冬季供暖补贴");
	}

	@Test
	void errorsAppearBesideTheFields() {
		browser.signIn("editor", "demo12345");
		browser.open("/admin/notices/new");
		browser.type("#title", "只有标题");
		browser.submit();
		assertThat(browser.findAll("#summary-error")).hasSize(1);
		assertThat(browser.findAll("#body-error")).hasSize(1);
		assertThat(browser.find("#title").getDomProperty("value")).isEqualTo("只有标题");
	}

}
