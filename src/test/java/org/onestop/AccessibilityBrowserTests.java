package org.onestop;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.platform.Tokens;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every page people use, in each state they meet it in, against axe-core's WCAG 2.1 A and
 * AA rules. A public service must be usable by everyone, including with a screen reader
 * or large text.
 */
class AccessibilityBrowserTests extends BrowserTest {

	private static final String PASSWORD = "demo12345";

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void homeInChinese() {
		browser.open("/");

		assertThat(browser.lang()).isEqualTo("zh-CN");
		audit("/", "政务服务，一站办理");
	}

	@Test
	void homeInEnglish() {
		browser.open("/?lang=en");

		assertThat(browser.lang()).isEqualTo("en");
		audit("/", "Government services, in one place");
	}

	@Test
	void homeInLargeText() {
		browser.open("/");
		browser.click("[data-testid=text-size]");

		assertThat(browser.findAll("body.onestop-large-text")).hasSize(1);
		audit("/", "政务服务，一站办理");
	}

	@Test
	void signIn() {
		browser.open("/sign-in");

		audit("/sign-in", "登录");
	}

	@Test
	void signInWithAnError() {
		// A username no other test signs in with, so the failed-attempt counter troubles
		// nobody.
		browser.signIn("nobody.audited", "wrong-password");

		assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
		audit("/sign-in", "登录");
	}

	@Test
	void register() {
		browser.open("/register");

		audit("/register", "注册账户");
	}

	@Test
	void registerWithErrors() {
		browser.open("/register");
		browser.submit();

		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		audit("/register", "注册账户");
	}

	@Test
	void registerConfirmWithErrors() {
		browser.open("/register/confirm");
		browser.submit();

		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		audit("/register/confirm", "输入验证码，设置密码");
	}

	@Test
	void unlockSignIn() {
		browser.open("/sign-in/unlock");

		audit("/sign-in/unlock", "解锁登录");
	}

	@Test
	void citizenAccount() {
		browser.signIn("li.na", PASSWORD);

		assertThat(browser.path()).isEqualTo("/account");
		audit("/account", "我的账户");
	}

	@Test
	void staffHome() {
		browser.signIn("reviewer.civil", PASSWORD);

		assertThat(browser.path()).isEqualTo("/staff");
		audit("/staff", "工作台");
	}

	@Test
	void complaintStaffPages(@Autowired MockMvc mvc) throws Exception {
		String citizen = "Bearer " + Tokens.of(mvc, "li.na");
		String filed = mvc
			.perform(post("/api/v1/complaints").header("Authorization", citizen)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"ENV-NOISE-NEIGHBOUR\",\"description\":\"楼上每晚跳绳\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(filed, "$.id");
		browser.signIn("dispatcher", PASSWORD);
		browser.open("/staff/dispatch");
		audit("/staff/dispatch", "派单台");
		browser.open("/staff/dispatch/" + id);
		audit("/staff/dispatch/" + id, "诉求：邻里和广场舞噪声");
		browser.script("document.querySelector('#leadDepartment').value = ''");
		browser.click("#dispatch-submit");
		assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
		audit("/staff/dispatch/" + id, "诉求：邻里和广场舞噪声");
		new Select(browser.find("#leadDepartment")).selectByValue("PS");
		browser.find("#co-CA").click();
		browser.click("#dispatch-submit");
		browser.click("[data-testid=sign-out]");

		browser.signIn("handler.ps", PASSWORD);
		browser.open("/staff/complaints?lang=en");
		audit("/staff/complaints", "Our complaints");
		browser.click("[data-testid=staff-text-size]");
		browser.open("/staff/complaints/" + id + "?lang=zh-CN");
		audit("/staff/complaints/" + id, "诉求：邻里和广场舞噪声");
		browser.click("#wait-submit");
		assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
		audit("/staff/complaints/" + id + "/wait", "诉求：邻里和广场舞噪声");
		browser.click("[data-testid=sign-out]");

		browser.signIn("agent.hotline", PASSWORD);
		browser.open("/staff/complaints/follow-ups");
		audit("/staff/complaints/follow-ups", "回访");
	}

	@Test
	void adminStaffPage() {
		browser.signIn("admin", PASSWORD);
		browser.open("/admin/staff");

		assertThat(browser.path()).isEqualTo("/admin/staff");
		audit("/admin/staff", "工作人员账户");
	}

	@Test
	void searchResults() {
		browser.open("/services?q=身份证");
		audit("/services", "与“身份证”相关的服务");
	}

	@Test
	void searchResultsInLargeText() {
		browser.open("/services?q=ID+card&lang=en");
		browser.click("[data-testid=text-size]");
		audit("/services", "Services matching “ID card”");
	}

	@Test
	void browseByDepartment() {
		browser.open("/services?department=CA");
		audit("/services", "全部服务");
	}

	@Test
	void matterPages() {
		Map<String, String> headings = Map.of("PS-ID-001", "居民身份证换领", "CA-MAR-001", "结婚登记", "CA-ELD-001", "高龄津贴");
		headings.forEach((code, heading) -> {
			browser.open("/services/" + code);
			audit("/services/" + code, heading);
		});
	}

	@Test
	void lifeEventPage() {
		browser.open("/life-events/baby");
		audit("/life-events/baby", "生孩子");
	}

	@Test
	void noticesAndAnArticle() {
		browser.open("/notices");
		audit("/notices", "通知公告与政策解读");
		String article = browser.find(".onestop-result a").getDomAttribute("href");
		String title = browser.text(".onestop-result a");
		browser.click(".onestop-result a");
		audit(article, title);
	}

	@Test
	void catalogEditorPages() {
		browser.signIn("editor", PASSWORD);
		browser.open("/admin/catalog");
		audit("/admin/catalog", "服务事项目录");
		browser.open("/admin/catalog/PS-ID-001");
		audit("/admin/catalog/PS-ID-001", "编辑事项");
		browser.open("/admin/catalog/new");
		browser.type("#code", "bad");
		browser.submit();
		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		audit("/admin/catalog", "新建事项");
	}

	@Test
	void noticeEditorPages() {
		browser.signIn("editor", PASSWORD);
		browser.open("/admin/notices");
		audit("/admin/notices", "通知公告管理");
		browser.open("/admin/notices/new");
		browser.submit();
		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		audit("/admin/notices", "撰写公告");
	}

	@Test
	void assistantPages() {
		browser.open("/assistant");
		audit("/assistant", "在线咨询");
		browser.type("#text", "身份证丢了怎么补办");
		browser.click("[data-testid=send]");
		assertThat(browser.findAll("[data-testid=line-assistant]")).isNotEmpty();
		audit(conversation(), "在线咨询");
		browser.click("[data-testid=helpful-yes]");
		assertThat(browser.findAll("[data-testid=rated]")).hasSize(1);
		audit(conversation(), "在线咨询");
	}

	@Test
	void assistantInEnglishAndLargeText() {
		browser.open("/assistant?lang=en");
		browser.click("[data-testid=text-size]");
		browser.type("#text", "I lost my ID card");
		browser.click("[data-testid=send]");
		assertThat(browser.lang()).isEqualTo("en");
		audit(conversation(), "Ask us");
	}

	@Test
	void agentConsoleAndDashboard() {
		browser.signIn("agent.hotline2", PASSWORD);
		browser.open("/staff/agent");
		audit("/staff/agent", "坐席工作台");
		browser.open("/staff/agent/calls");
		browser.click("[data-testid=log-call-submit]");
		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		audit("/staff/agent/calls", "登记热线来电");
		browser.open("/staff/agent/metrics");
		assertThat(browser.findAll("[data-testid=metrics]")).hasSize(1);
		audit("/staff/agent/metrics", "咨询服务统计");
	}

	@Test
	void publicFiguresAndExcludedRatings() {
		browser.open("/figures");
		audit("/figures", "政务服务数据公开");
		browser.open("/figures?lang=en");
		audit("/figures", "Figures: how the city serves you");
		browser.open("/ratings/exclusions");
		audit("/ratings/exclusions", "Ratings excluded as malicious");
		browser.open("/ratings/exclusions?lang=zh-CN");
		audit("/ratings/exclusions", "作为恶意评价剔除的评价");
	}

	@Test
	void complaintFiguresPage() {
		browser.open("/complaints/figures");
		audit("/complaints/figures", "诉求办理“三率”");
		browser.open("/complaints/figures?month=2019-01&lang=en");
		assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
		audit("/complaints/figures", "Complaint figures: the three rates");
		browser.signIn("dispatcher", PASSWORD);
		browser.open("/complaints/figures?lang=zh-CN");
		assertThat(browser.findAll("[data-testid=live]")).hasSize(1);
		browser.findAll("details summary").forEach(summary -> summary.click());
		audit("/complaints/figures", "诉求办理“三率”");
	}

	@Test
	void theAuditNoticesABrokenPage() {
		// Guards the guard: zero violations must mean a clean page, not an audit that
		// never ran.
		browser.open("/");
		browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')");

		assertThat(browser.audit()).extracting(Browser.Violation::id).contains("image-alt");
	}

	/**
	 * Audits the page only once it is the page meant: a 404, an error page or the sign-in
	 * page would pass an audit just as well.
	 */
	@Test
	void complaintPagesOfAnAnonymousReporter() {
		browser.open("/complaints/new");
		audit("/complaints/new", "投诉建议");
		browser.click("[data-testid=file]");
		assertThat(browser.findAll(".govuk-error-message")).isNotEmpty();
		audit("/complaints/new", "投诉建议");
		browser.find("label[for='categoryCode-GOV-ONLINE']").click();
		browser.type("#description", "网上办事大厅的预约页面一直打不开");
		browser.click("[data-testid=file]");
		assertThat(shownPath()).matches("/complaints/[0-9a-f-]{36}/filed");
		audit(shownPath(), "诉求已提交");
		browser.click("[data-testid=private-link]");
		assertThat(shownPath()).matches("/complaints/[0-9a-f-]{36}");
		audit(shownPath(), "我的诉求详情");
	}

	@Test
	void complaintPagesOfACitizenInEnglishAndLargeText() {
		browser.signIn("li.na", PASSWORD);
		browser.open("/complaints/new?lang=en");
		browser.click("[data-testid=text-size]");
		assertThat(browser.findAll("body.onestop-large-text")).hasSize(1);
		audit("/complaints/new", "Make a complaint or suggestion");
		browser.open("/complaints?lang=en");
		audit("/complaints", "My complaints");
	}

	private void audit(String path, String heading) {
		assertThat(shownPath()).as("the page audited").isEqualTo(path);
		assertThat(browser.text("h1")).as("the heading of " + path).isEqualTo(heading);
		browser.assertAccessible();
	}

	/** The conversation page the assistant moved to, once there is a conversation. */
	private String conversation() {
		assertThat(shownPath()).matches("/assistant/[0-9a-f-]{36}");
		return shownPath();
	}

	private String shownPath() {
		return browser.path().split("[?#]", 2)[0];
	}

}
