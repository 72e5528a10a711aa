package org.onestop.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.platform.WorkingCalendar;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The citizen's "my documents" page: what is in the vault, from where, used by which
 * applications; only the owner reaches a document. And the inbox message of a decided
 * application, which links to the application it is about.
 */
@IntegrationTest
class MyDocumentsIntegrationTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TestClock clock;

	@BeforeEach
	void onAWorkingMorning() {
		clock.moveToLatestWorkingMorning(calendar);
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	private Cookie session(String username, String password) throws Exception {
		Cookie cookie = mvc
			.perform(post("/sign-in").with(csrf()).param("username", username).param("password", password))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		assertThat(cookie).as("session of " + username).isNotNull();
		return cookie;
	}

	private Cookie session(Citizen citizen) throws Exception {
		return session(citizen.username(), citizen.password());
	}

	private String upload(Citizen citizen, String title) throws Exception {
		return Citizens.id(mvc
			.perform(multipart("/api/v1/me/documents")
				.file(new MockMultipartFile("file", "scan.pdf", "application/pdf", PDF))
				.param("title", title)
				.header("Authorization", citizen.authorization()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String submitted(Citizen citizen, String documentId) throws Exception {
		return Citizens.id(mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{},\"documentIds\":[\"" + documentId + "\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theListSaysWhereEachDocumentCameFromAndWhichApplicationsUsedIt() throws Exception {
		Citizen owner = accounts.elder();
		String document = upload(owner, "户口簿首页扫描件");
		String unused = upload(owner, "结婚证复印件");
		String application = submitted(owner, document);
		Cookie session = session(owner);

		String page = mvc.perform(get("/account/documents").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("户口簿首页扫描件")))
			.andExpect(content().string(containsString("结婚证复印件")))
			.andExpect(content().string(containsString("您上传的")))
			.andExpect(content().string(containsString("href=\"/applications/" + application + "\">高龄津贴</a>")))
			.andExpect(content().string(containsString("还没有申请用过")))
			.andExpect(content().string(containsString("/account/documents/" + unused + "?download=true")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Names, not codes: the matter's code never shows.
		assertThat(page).doesNotContain(">CA-ELD-001<");
		mvc.perform(get("/account/documents?lang=en").cookie(session))
			.andExpect(content().string(containsString("Uploaded by you")))
			.andExpect(content().string(containsString(">Elderly allowance (age 70 and over)</a>")));
		mvc.perform(get("/account").cookie(session))
			.andExpect(content().string(containsString("href=\"/account/documents\"")));
	}

	@Test
	void onlyTheOwnerReachesADocument() throws Exception {
		Citizen owner = accounts.register(residents.aged(35).create());
		Citizen other = accounts.register(residents.aged(36).create());
		String document = upload(owner, "只属于我的材料");

		mvc.perform(get("/account/documents/" + document).cookie(session(owner)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString("inline")))
			.andExpect(content().bytes(PDF));
		mvc.perform(get("/account/documents/" + document + "?download=true").cookie(session(owner)))
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		mvc.perform(get("/account/documents/" + document).cookie(session(other))).andExpect(status().isNotFound());
		mvc.perform(get("/account/documents").cookie(session(other)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("只属于我的材料"))))
			.andExpect(content().string(containsString("data-testid=\"documents-empty\"")));
		mvc.perform(get("/account/documents")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/account/documents/" + document)).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/account/documents").cookie(session("clerk.civil", "demo12345")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aDecidedApplicationsMessageLinksToItAndItsCertificateShowsWhereItCameFrom() throws Exception {
		Citizen elder = accounts.elder();
		String document = upload(elder, "银行卡照片");
		String application = submitted(elder, document);
		String reviewer = Citizens.token(mvc, "reviewer.civil");
		String tasks = mvc.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", reviewer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(tasks, "$.tasks[?(@.applicationId == '" + application + "')].id");
		assertThat(ids).hasSize(1);
		mvc.perform(post("/api/v1/staff/tasks/" + ids.get(0) + "/claim").header("Authorization", reviewer))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/staff/tasks/" + ids.get(0) + "/complete").header("Authorization", reviewer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"APPROVE\"}")).andExpect(status().isOk());

		Cookie session = session(elder);
		mvc.perform(get("/inbox").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"href=\"/applications/" + application + "\" data-testid=\"notification-about\">查看这份申请")));
		mvc.perform(get("/account/documents").cookie(session))
			.andExpect(content().string(containsString("高龄津贴 电子证照")))
			.andExpect(content().string(containsString("一网通办签发的电子证照，来自申请：")))
			.andExpect(content().string(containsString("href=\"/applications/" + application + "\">高龄津贴</a>")));
		mvc.perform(get("/account/documents?lang=en").cookie(session))
			.andExpect(content().string(containsString("E-certificate: Elderly allowance (age 70 and over)")));
	}

	@Test
	void theJointApplicationPagesAreTheCitizensOwn() throws Exception {
		mvc.perform(get("/applications/bundle/baby")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/applications/bundle/baby").cookie(session("clerk.civil", "demo12345")))
			.andExpect(status().isForbidden());
		Citizen citizen = accounts.register(residents.aged(30).create());
		Cookie session = session(citizen);
		mvc.perform(get("/applications/bundle/baby").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"bundle-matters\"")))
			.andExpect(content().string(containsString("name=\"idempotencyKey\"")));
		mvc.perform(get("/applications/bundle/no-such-event").cookie(session)).andExpect(status().isNotFound());
		mvc.perform(get("/applications/bundles/" + UUID.randomUUID()).cookie(session)).andExpect(status().isNotFound());
		// Nothing filled in and no explanation: the problems are shown, nothing is made.
		mvc.perform(post("/applications/bundle/baby").with(csrf())
			.cookie(session)
			.param("idempotencyKey", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"problems\"")))
			.andExpect(content().string(not(containsString("PS-HH-002"))))
			.andExpect(content().string(not(containsString("HE-CCS-001"))));
	}

}
