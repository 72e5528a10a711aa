package org.onestop.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.shared.LocalizedText;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The citizen's own pages of issue 14 in a real browser, in both languages, axe-clean:
 * "my documents", the joint application (联办) from the life-event page to the applications
 * it made, and an inbox message's link to what it is about.
 */
class CitizenPagesBrowserTests extends BrowserTest {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient db;

	@Autowired
	Inbox inbox;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void myDocumentsFromTheAccountPage() throws Exception {
		Citizen citizen = accounts.register(residents.aged(41).create());
		mvc.perform(
				multipart("/api/v1/me/documents").file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
					.param("title", "租房合同")
					.header("Authorization", citizen.authorization()));
		browser.signIn(citizen.username(), citizen.password());
		browser.open("/account");
		browser.click("[data-testid=my-documents-link]");

		assertThat(browser.path()).isEqualTo("/account/documents");
		assertThat(browser.text("h1")).isEqualTo("我的材料");
		assertThat(browser.text("[data-testid=document] h2")).isEqualTo("租房合同");
		assertThat(browser.text("[data-testid=document-origin]")).isEqualTo("您上传的");
		assertThat(browser.text("[data-testid=document-uses]")).isEqualTo("还没有申请用过");
		assertThat(browser.find("[data-testid=document-download]").getDomAttribute("href")).endsWith("?download=true");
		browser.assertAccessible();

		browser.open("/account/documents?lang=en");
		assertThat(browser.text("h1")).isEqualTo("My documents");
		assertThat(browser.text("[data-testid=document-origin]")).isEqualTo("Uploaded by you");
		browser.assertAccessible();
		browser.viewport(390, 844);
		assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
		browser.open("/?lang=zh-CN");
	}

	@Test
	void anInboxMessageLinksToWhatItIsAbout() throws Exception {
		Citizen citizen = accounts.register(residents.aged(42).create());
		inbox.send(new Message(citizen.username(), "queue.notice.three-away",
				List.of("A007", Message.named(new LocalizedText("市政务服务中心", "City Government Service Center"))),
				"/appointments", "QUEUE_NEAR_FRONT"));
		browser.signIn(citizen.username(), citizen.password());
		browser.open("/inbox");

		assertThat(browser.text("[data-testid=notification-about]")).startsWith("查看我的预约");
		browser.assertAccessible();
		browser.click("[data-testid=notification-about]");
		assertThat(browser.path()).isEqualTo("/appointments");
	}

	@Test
	void theJointApplicationForHavingABaby() throws Exception {
		Citizen citizen = accounts.register(residents.aged(31).create());
		String form = mvc.perform(get("/api/v1/life-events/baby/form").header("Authorization", citizen.authorization()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> matters = JsonPath.read(form, "$.matters");
		List<Map<String, Object>> fields = JsonPath.read(form, "$.fields");
		browser.signIn(citizen.username(), citizen.password());
		browser.open("/life-events/baby");
		assertThat(browser.text("[data-testid=bundle-offer]")).doesNotContain("即将开通");
		browser.click("[data-testid=bundle-start]");

		assertThat(browser.path()).isEqualTo("/applications/bundle/baby");
		assertThat(browser.findAll("[data-testid=bundle-matters] li")).hasSize(matters.size());
		assertThat(browser.text("[data-testid=bundle-matters]")).contains("出生登记").doesNotContain("PS-HH-002");
		browser.assertAccessible();
		// Everything asked is filled in; the pre-check still finds what the registries
		// lack, and says so beside the form.
		for (Map<String, Object> f : fields) {
			if ((Boolean) f.get("readOnly")) {
				continue;
			}
			String id = "#" + f.get("name");
			switch ((String) f.get("type")) {
				case "SELECT" -> new Select(browser.find(id)).selectByIndex(1);
				case "CONSENT" -> browser.script("document.querySelector(arguments[0]).checked = true", id);
				default -> browser.type(id, BundleAndBurdenIntegrationTests.sample(f));
			}
		}
		browser.click("[data-testid=bundle-submit]");
		if (browser.path().startsWith("/applications/bundle/")) {
			assertThat(browser.findAll("[data-testid=problems]")).hasSize(1);
			assertThat(browser.text("[data-testid=problems]")).doesNotContain("PS-HH-002", "HE-CCS-001");
			browser.assertAccessible();
			browser.type("#explanation", "孩子刚出生，出生医学证明还在医院办理");
			browser.click("[data-testid=bundle-submit]");
		}

		assertThat(browser.path()).startsWith("/applications/bundles/");
		assertThat(browser.text("h1")).isEqualTo("联办申请已提交");
		List<String> links = browser.findAll("[data-testid=bundle-applications] a")
			.stream()
			.map(a -> a.getDomAttribute("href"))
			.toList();
		assertThat(links).hasSize(matters.size()).allMatch(href -> href.startsWith("/applications/"));
		assertThat(db.sql("SELECT count(*) FROM application WHERE applicant = :u AND bundle_id IS NOT NULL")
			.param("u", citizen.username())
			.query(Integer.class)
			.single()).isEqualTo(matters.size());
		browser.assertAccessible();
		browser.open(browser.path() + "?lang=en");
		assertThat(browser.text("h1")).isEqualTo("Joint application submitted");
		browser.assertAccessible();

		browser.click("[data-testid=bundle-applications] a");
		assertThat(browser.path()).matches("/applications/[0-9a-f-]{36}");
		browser.open("/?lang=zh-CN");
	}

}
