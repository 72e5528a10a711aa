package org.onestop.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Representation;
import org.onestop.identity.Representation.Kind;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.WorkingCalendar;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A representative acts for a citizen (授权代办, issue 15) inside the mandate's matters only,
 * and everything they do is recorded in both names: the DELEGATED channel and who filed
 * it on the application, the timeline, the grantor's record of what was done for them,
 * and "who used my data". Outside the mandate the server refuses: 403 for acting on a
 * matter, 404 for reading anything of it.
 */
@IntegrationTest
class ActingForSomeoneIntegrationTests {

	static final String ELD = "CA-ELD-001";

	static final String DL = "PS-DL-001";

	static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	Inbox inbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TestClock clock;

	Citizen grantor;

	Citizen representative;

	@BeforeEach
	void aGrantorAndTheirRepresentative() throws Exception {
		if (!clock.moved()) {
			clock.moveToLatestWorkingMorning(calendar);
		}
		grantor = accounts.elder();
		representative = accounts.register(residents.aged(45).create());
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	OneStopUser grantorUser() {
		return new OneStopUser(grantor.username(), grantor.resident().name(), false,
				grantor.resident().idNumber().value(), null, Set.of());
	}

	/** The grantor, acted for by the representative for these matters (none = all). */
	OneStopUser actedFor(Kind kind, String... matters) {
		return grantorUser().actedForBy(new Representation(representative.username(), representative.resident().name(),
				representative.resident().idNumber().value(), kind, kind == Kind.MANDATE ? UUID.randomUUID() : null,
				Set.of(matters)));
	}

	static MockHttpServletRequestBuilder as(OneStopUser user, MockHttpServletRequestBuilder request) {
		return request.with(authentication(new UsernamePasswordAuthenticationToken(user, null, user.authorities())))
			.header("Accept-Language", "en");
	}

	ResultActions submit(MockHttpServletRequestBuilder request, String body) throws Exception {
		return mvc.perform(request.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	static String elderly() {
		return "{\"serviceCode\":\"" + ELD + "\",\"fields\":{}}";
	}

	static String licence() {
		return "{\"serviceCode\":\"" + DL
				+ "\",\"fields\":{\"mailingAddress\":\"北京市海淀区万寿路10号\"},\"explanation\":\"见附件\"}";
	}

	/**
	 * The grantor's own application of the driving-licence matter, outside the mandate.
	 */
	String grantorsLicenceApplication() throws Exception {
		return Citizens
			.id(submit(post("/api/v1/applications").header("Authorization", grantor.authorization()), licence())
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}

	@Test
	void aSubmissionByARepresentativeIsDelegatedAndRecordedInBothNames() throws Exception {
		String id = Citizens.id(submit(as(actedFor(Kind.MANDATE, ELD), post("/api/v1/applications")), elderly())
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		UUID application = UUID.fromString(id);
		var intake = db.sql("SELECT applicant, channel, filed_by, filed_by_name FROM application WHERE id = :id")
			.param("id", application)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(intake).containsExactly(grantor.username(), "DELEGATED", representative.username(),
				representative.resident().name());
		assertThat(db.sql("""
				SELECT actor || '|' || (detail->>'representative') FROM application_event
				WHERE application_id = :id AND kind = 'SUBMITTED'""")
			.param("id", application)
			.query(String.class)
			.single()).isEqualTo(representative.username() + "|" + representative.resident().name());
		// The grantor sees the application in their list, who filed it on its timeline,
		// and the action in their record.
		mvc.perform(get("/api/v1/applications").header("Authorization", grantor.authorization()))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].channel").value("DELEGATED"));
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", grantor.authorization()))
			.andExpect(jsonPath("$.timeline[0].detail.representative").value(representative.resident().name()));
		mvc.perform(get("/api/v1/me/acted-for-me").header("Authorization", grantor.authorization())
			.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].representative.name").value(representative.resident().name()))
			.andExpect(jsonPath("$.items[0].kind").value("MANDATE"))
			.andExpect(jsonPath("$.items[0].what").value(org.hamcrest.Matchers.startsWith("Submitted application ")))
			.andExpect(jsonPath("$.items[0].link").value("/applications/" + id));
		// The registries were read by the representative, and "who used my data" says so.
		assertThat(db.sql("""
				SELECT count(*) FROM registry_access
				WHERE id_number = :n AND accessor = :rep AND accessor_kind = 'CITIZEN' AND purpose LIKE :named""")
			.param("n", grantor.resident().idNumber().value())
			.param("rep", representative.username())
			.param("named", "%" + representative.resident().name() + "代办%")
			.query(Integer.class)
			.single()).isPositive();
		mvc.perform(get("/api/v1/me/data-access").header("Authorization", grantor.authorization()))
			.andExpect(jsonPath("$[?(@.kind == 'REPRESENTATIVE')]").isNotEmpty());
		// The record is the grantor's own: not for the representative to read.
		mvc.perform(as(actedFor(Kind.MANDATE, ELD), get("/api/v1/me/acted-for-me"))).andExpect(status().isForbidden());
	}

	@Test
	void outsideTheMandateActingIsRefusedAndReadingFindsNothing() throws Exception {
		OneStopUser scoped = actedFor(Kind.MANDATE, ELD);
		String outside = grantorsLicenceApplication();
		mvc.perform(as(scoped, get("/api/v1/services/" + DL + "/form")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not covered")));
		mvc.perform(as(scoped, post("/api/v1/applications/precheck")).contentType(MediaType.APPLICATION_JSON)
			.content(licence())).andExpect(status().isForbidden());
		submit(as(scoped, post("/api/v1/applications")), licence()).andExpect(status().isForbidden());
		mvc.perform(as(scoped, get("/api/v1/life-events/baby/form"))).andExpect(status().isForbidden());
		// The grantor's application of another matter is not there for the
		// representative.
		mvc.perform(as(scoped, get("/api/v1/applications/" + outside))).andExpect(status().isNotFound());
		mvc.perform(as(scoped, get("/applications/" + outside))).andExpect(status().isNotFound());
		mvc.perform(as(scoped, get("/api/v1/applications/" + outside + "/certificate")))
			.andExpect(status().isNotFound());
		mvc.perform(as(scoped, post("/api/v1/applications/" + outside + "/withdraw"))).andExpect(status().isNotFound());
		mvc.perform(as(scoped, post("/api/v1/applications/" + outside + "/requests/" + UUID.randomUUID() + "/answer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"x\"}")).andExpect(status().isNotFound());
		mvc.perform(as(scoped, get("/api/v1/applications")))
			.andExpect(jsonPath("$[?(@.id == '" + outside + "')]").isEmpty());
		// Nor is another citizen's application of the mandate's own matter.
		String others = Citizens
			.id(submit(post("/api/v1/applications").header("Authorization", accounts.elder().authorization()),
					elderly())
				.andReturn()
				.getResponse()
				.getContentAsString());
		mvc.perform(as(scoped, get("/api/v1/applications/" + others))).andExpect(status().isNotFound());
		// An all-matters mandate and a guardian see it all.
		mvc.perform(as(actedFor(Kind.MANDATE), get("/api/v1/applications/" + outside))).andExpect(status().isOk());
		mvc.perform(as(actedFor(Kind.GUARDIAN), get("/api/v1/applications")))
			.andExpect(jsonPath("$[?(@.id == '" + outside + "')]").isNotEmpty());
		assertThat(db.sql("SELECT count(*) FROM identity_acted_for WHERE grantor = :g")
			.param("g", grantor.username())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aScopedRepresentativeSeesOnlyTheVaultDocumentsOfTheMandatesMattersAndUnusedOnes() throws Exception {
		String unused = upload(grantor);
		String usedOutside = upload(grantor);
		submit(post("/api/v1/applications").header("Authorization", grantor.authorization()),
				licence().replace("\"explanation\"", "\"documentIds\":[\"" + usedOutside + "\"],\"explanation\""))
			.andExpect(status().isCreated());
		OneStopUser scoped = actedFor(Kind.MANDATE, ELD);
		mvc.perform(as(scoped, get("/api/v1/me/documents")))
			.andExpect(jsonPath("$[?(@.id == '" + unused + "')]").isNotEmpty())
			.andExpect(jsonPath("$[?(@.id == '" + usedOutside + "')]").isEmpty());
		mvc.perform(as(scoped, get("/api/v1/me/documents/" + usedOutside))).andExpect(status().isNotFound());
		mvc.perform(as(scoped, get("/account/documents/" + usedOutside))).andExpect(status().isNotFound());
		// Nor can it be put on an application of the mandate's matter.
		submit(as(scoped, post("/api/v1/applications")),
				elderly().replace("\"fields\"", "\"documentIds\":[\"" + usedOutside + "\"],\"fields\""))
			.andExpect(status().isBadRequest());
		mvc.perform(as(actedFor(Kind.MANDATE), get("/api/v1/me/documents/" + usedOutside))).andExpect(status().isOk());
		// A representative's upload lands in the grantor's vault and in their record.
		String uploaded = JsonPath.read(mvc
			.perform(multipart("/api/v1/me/documents")
				.file(new MockMultipartFile("file", "scan.pdf", "application/pdf", PDF))
				.param("title", "户口簿")
				.with(authentication(new UsernamePasswordAuthenticationToken(scoped, null, scoped.authorities()))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		assertThat(db.sql("SELECT owner FROM application_document WHERE id = :id")
			.param("id", UUID.fromString(uploaded))
			.query(String.class)
			.single()).isEqualTo(grantor.username());
		assertThat(db.sql("SELECT what FROM identity_acted_for WHERE grantor = :g")
			.param("g", grantor.username())
			.query(String.class)
			.list()).containsExactly("acting.what.uploaded");
	}

	@Test
	void aScopedRepresentativeReadsOnlyTheInboxMessagesOfTheMandatesMatters() throws Exception {
		OneStopUser scoped = actedFor(Kind.MANDATE, ELD);
		String inside = Citizens.id(submit(as(scoped, post("/api/v1/applications")), elderly()).andReturn()
			.getResponse()
			.getContentAsString());
		String outside = grantorsLicenceApplication();
		transactions.executeWithoutResult(t -> {
			inbox.send(new Message(grantor.username(), "application.notice.approved", List.of("x", "1"),
					"/applications/" + inside, "TEST_INSIDE"));
			inbox.send(new Message(grantor.username(), "application.notice.approved", List.of("x", "2"),
					"/applications/" + outside, "TEST_OUTSIDE"));
			inbox.send(new Message(grantor.username(), "application.notice.approved", List.of("x", "3"),
					"/account#security", "TEST_ACCOUNT"));
		});
		String seen = mvc.perform(as(scoped, get("/api/v1/me/notifications")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> kinds = JsonPath.read(seen, "$.items[*].kind");
		assertThat(kinds).contains("TEST_INSIDE").doesNotContain("TEST_OUTSIDE", "TEST_ACCOUNT");
		String all = mvc.perform(get("/api/v1/me/notifications").header("Authorization", grantor.authorization()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String outsideMessage = ((List<String>) JsonPath.read(all, "$.items[?(@.kind == 'TEST_OUTSIDE')].id")).get(0);
		mvc.perform(as(scoped, post("/api/v1/me/notifications/" + outsideMessage + "/read")))
			.andExpect(status().isNotFound());
		List<String> guardianKinds = JsonPath
			.read(mvc.perform(as(actedFor(Kind.GUARDIAN), get("/api/v1/me/notifications")))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.items[*].kind");
		assertThat(guardianKinds).contains("TEST_INSIDE", "TEST_OUTSIDE", "TEST_ACCOUNT");
	}

	@Test
	void aRepresentativeAnswersASupplementRequestAndTheTimelineNamesThem() throws Exception {
		OneStopUser scoped = actedFor(Kind.MANDATE, ELD);
		String id = Citizens.id(submit(as(scoped, post("/api/v1/applications")), elderly()).andReturn()
			.getResponse()
			.getContentAsString());
		// The grantor's 代办记录 entry names the application by its reference (given on
		// insert).
		assertThat(db.sql("""
				SELECT f.arguments->>0 FROM identity_acted_for f JOIN application a ON a.id = :id
				WHERE f.grantor = :g AND f.what = 'acting.what.submitted'""")
			.param("id", UUID.fromString(id))
			.param("g", grantor.username())
			.query(String.class)
			.single())
			.isNotBlank()
			.isEqualTo(db.sql("SELECT reference FROM application WHERE id = :id")
				.param("id", UUID.fromString(id))
				.query(String.class)
				.single());
		String reviewer = Citizens.token(mvc, "reviewer.civil");
		String tasks = mvc.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", reviewer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String task = ((List<String>) JsonPath.read(tasks, "$.tasks[?(@.applicationId == '" + id + "')].id")).get(0);
		mvc.perform(post("/api/v1/staff/tasks/" + task + "/complete").header("Authorization", reviewer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"REQUEST_SUPPLEMENT\",\"items\":[\"银行账号\"],\"reason\":\"发放需要\"}"))
			.andExpect(status().isOk());
		String request = JsonPath.read(mvc.perform(as(scoped, get("/api/v1/applications/" + id)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.openRequests[0].id");
		mvc.perform(as(scoped, post("/api/v1/applications/" + id + "/requests/" + request + "/answer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fields\":{\"bankAccount\":\"6222020200112233445\"},\"note\":\"母亲的账号\"}"))
			.andExpect(status().isOk());
		assertThat(db.sql("""
				SELECT actor || '|' || (detail->>'representative') FROM application_event
				WHERE application_id = :id AND kind = 'SUPPLEMENT_ANSWERED'""")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo(representative.username() + "|" + representative.resident().name());
		assertThat(db.sql("SELECT what FROM identity_acted_for WHERE grantor = :g ORDER BY id")
			.param("g", grantor.username())
			.query(String.class)
			.list()).containsExactly("acting.what.submitted", "acting.what.answered");
		// The grantor's case page names the representative on the timeline.
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", grantor.authorization()))
			.andExpect(jsonPath("$.timeline[?(@.kind == 'SUPPLEMENT_ANSWERED')].detail.representative")
				.value(org.hamcrest.Matchers.contains(representative.resident().name())));
	}

	String upload(Citizen owner) throws Exception {
		return JsonPath.read(mvc
			.perform(multipart("/api/v1/me/documents")
				.file(new MockMultipartFile("file", "scan.pdf", "application/pdf", PDF))
				.param("title", "户口簿")
				.header("Authorization", owner.authorization()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

}
