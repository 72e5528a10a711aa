package org.onestop.application;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The printed receipt: for the applicant and the department's case handlers (and the
 * clerk who filed it), nobody else; what it says; and how an application filed for the
 * citizen shows in their list and on their pages.
 */
@IntegrationTest
class ReceiptIntegrationTests {

	static final Intake AT_COUNTER_3 = new Intake(ContactChannel.COUNTER, "HALL-CITY", "3", "clerk.civil", "刘洋");

	@Autowired
	MockMvc mvc;

	@Autowired
	Submissions submissions;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	Citizen citizen;

	Application atTheCounter;

	@BeforeEach
	void fileAtTheCounter() throws Exception {
		citizen = accounts.elder();
		atTheCounter = submit(citizen, AT_COUNTER_3);
	}

	private Application submit(Citizen who, Intake intake) {
		OneStopUser user = new OneStopUser(who.username(), who.resident().name(), false,
				who.resident().idNumber().value(), null, Set.of());
		return submissions
			.submit(user, UUID.randomUUID().toString(),
					new ApplicationForm("CA-ELD-001", Map.of(), List.of(), null, null), intake)
			.application();
	}

	private MockHttpServletRequestBuilder receipt(UUID id, String authorization) {
		MockHttpServletRequestBuilder request = get("/api/v1/applications/" + id + "/receipt.pdf");
		return authorization == null ? request : request.header("Authorization", authorization);
	}

	@Test
	void theApplicantGetsAReceiptOfWhatWasFiledWhereAndByWhom() throws Exception {
		byte[] a4 = mvc.perform(receipt(atTheCounter.id(), citizen.authorization()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		String text = text(a4);
		assertThat(text).contains("受理回执", "高龄津贴", atTheCounter.reference(), citizen.resident().name(),
				citizen.resident().idNumber().masked(), "窗口", "市政务服务中心 3号窗口", "刘洋",
				DateTimeFormatter.ofPattern("yyyy年M月d日").format(atTheCounter.dueDate()));
		assertThat(text).doesNotContain(citizen.resident().idNumber().value());
		assertThat(size(a4).getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));

		byte[] roll = mvc
			.perform(receipt(atTheCounter.id(), citizen.authorization()).param("format", "80mm")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(size(roll).getWidth() / 72 * 25.4f).isCloseTo(80f, within(0.5f));
		assertThat(text(roll)).contains("Application receipt", "City Government Service Center, Counter 3",
				"Counter clerk", atTheCounter.reference());
	}

	@Test
	void nobodyElseGetsIt() throws Exception {
		Citizen other = accounts.register(residents.aged(50).create());
		mvc.perform(receipt(atTheCounter.id(), null)).andExpect(status().isUnauthorized());
		mvc.perform(receipt(atTheCounter.id(), other.authorization())).andExpect(status().isNotFound());
		mvc.perform(receipt(atTheCounter.id(), Citizens.token(mvc, "reviewer.civil"))).andExpect(status().isOk());
		mvc.perform(receipt(atTheCounter.id(), Citizens.token(mvc, "clerk.ps"))).andExpect(status().isNotFound());
		mvc.perform(receipt(atTheCounter.id(), Citizens.token(mvc, "agent.hotline"))).andExpect(status().isNotFound());
		mvc.perform(receipt(UUID.randomUUID(), citizen.authorization())).andExpect(status().isNotFound());
		mvc.perform(receipt(atTheCounter.id(), citizen.authorization()).param("format", "a3"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theClerkWhoFiledItPrintsItWhateverTheirDepartment() throws Exception {
		Application filedByPs = submit(citizen, new Intake(ContactChannel.COUNTER, "HALL-CITY", "1", "clerk.ps", "孙丽"));

		mvc.perform(receipt(filedByPs.id(), Citizens.token(mvc, "clerk.ps"))).andExpect(status().isOk());
		mvc.perform(receipt(atTheCounter.id(), Citizens.token(mvc, "clerk.ps"))).andExpect(status().isNotFound());
		mvc.perform(
				get("/staff/applications/" + filedByPs.id() + "/receipt.pdf").cookie(session("clerk.ps", "demo12345")))
			.andExpect(status().isOk());
	}

	@Test
	void theCitizensListHasEveryApplicationWhateverTheChannel() throws Exception {
		Application online = submit(citizen, Intake.byApplicant(ContactChannel.WEB));

		String list = mvc.perform(get("/api/v1/applications").header("Authorization", citizen.authorization()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String counter = "$[?(@.id == '" + atTheCounter.id() + "')]";
		String web = "$[?(@.id == '" + online.id() + "')]";
		assertThat((List<String>) JsonPath.read(list, counter + ".channel")).containsExactly("COUNTER");
		assertThat((List<String>) JsonPath.read(list, counter + ".filedAt.hallName")).containsExactly("市政务服务中心");
		assertThat((List<String>) JsonPath.read(list, counter + ".filedAt.counterName")).containsExactly("3号窗口");
		assertThat((List<String>) JsonPath.read(list, counter + ".filedAt.filedByName")).containsExactly("刘洋");
		assertThat((List<Object>) JsonPath.read(list, counter + ".submittedAt")).hasSize(1).doesNotContainNull();
		assertThat((List<String>) JsonPath.read(list, web + ".channel")).containsExactly("WEB");
		assertThat((List<Object>) JsonPath.read(list, web + ".filedAt")).as("filed by the citizen: no filedAt")
			.isEmpty();
	}

	@Test
	void theCitizensPagesSayItWasFiledForThemAndOfferTheReceipt() throws Exception {
		Cookie session = session(citizen.username(), citizen.password());
		mvc.perform(get("/applications").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("在 市政务服务中心 3号窗口 由 刘洋 代为提交")));
		mvc.perform(get("/applications/" + atTheCounter.id()).cookie(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Filed for you at City Government Service Center, Counter 3 by 刘洋")))
			.andExpect(
					content().string(containsString("/applications/" + atTheCounter.id() + "/receipt.pdf?format=80mm")))
			.andExpect(content().string(not(containsString("HALL-CITY"))));
		mvc.perform(get("/applications/" + atTheCounter.id() + "/receipt.pdf").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
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

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static PDRectangle size(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getPage(0).getMediaBox();
		}
	}

}
