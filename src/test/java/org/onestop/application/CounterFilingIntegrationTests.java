package org.onestop.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A clerk files an application for the citizen at the counter (一窗受理, issue 15): with or
 * without an account, prefilled in the clerk's name, the papers scanned into the
 * citizen's vault, and every refusal.
 */
@IntegrationTest
class CounterFilingIntegrationTests {

	static final String MATTER = "CA-ELD-001";

	static final String HALL = "HALL-EAST";

	static final byte[] PNG = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	Halls halls;

	@Test
	void aResidentWithoutAnAccountIsServedAndSeesItAllOnceRegistered() throws Exception {
		Resident elder = residents.elder();
		String clerk = Citizens.token(mvc, "clerk.civil");
		String scanned = mvc
			.perform(multipart("/api/v1/counter/documents")
				.file(new MockMultipartFile("file", "scan.png", "image/png", PNG))
				.param("idNumber", elder.idNumber().value())
				.param("title", "户口簿扫描件")
				.header("Authorization", clerk))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.origin").value("COUNTER"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String document = JsonPath.read(scanned, "$.id");
		mvc.perform(get("/api/v1/counter/forms/" + MATTER).param("idNumber", elder.idNumber().value())
			.header("Authorization", clerk))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields[?(@.name == 'name')].value").value(elder.name()))
			.andExpect(jsonPath("$.draftId").doesNotExist());
		assertThat(db.sql("""
				SELECT count(*) FROM registry_access
				WHERE id_number = :id AND accessor = 'clerk.civil' AND accessor_kind = 'OFFICIAL' AND department = 'CA'
				  AND purpose LIKE '%高龄津贴%' AND purpose LIKE '%窗口%'""")
			.param("id", elder.idNumber().value())
			.query(Integer.class)
			.single()).as("the prefill names the clerk and the counter application").isPositive();

		String filed = file(clerk, UUID.randomUUID().toString(), elder.idNumber(), document, true, true, null)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("COUNTER"))
			.andExpect(jsonPath("$.reference").exists())
			.andExpect(jsonPath("$.dueDate").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(filed, "$.id");
		assertThat(db.sql("SELECT applicant || '|' || filed_by || '|' || channel FROM application WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo(elder.username() + "|clerk.civil|COUNTER");
		assertThat(db.sql("""
				SELECT count(*) FROM application_counter_filing
				WHERE application_id = :id AND identity_checked AND consent AND clerk = 'clerk.civil'
				  AND reader_number = 'R-0815'""").param("id", UUID.fromString(id)).query(Integer.class).single())
			.isEqualTo(1);

		// Registering later gives the ID number as the username: the application and the
		// scan are theirs.
		Citizen registered = accounts.register(elder);
		mvc.perform(get("/api/v1/applications").header("Authorization", registered.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].channel").value("COUNTER"));
		mvc.perform(get("/api/v1/me/documents").header("Authorization", registered.authorization()))
			.andExpect(jsonPath("$[?(@.id == '" + document + "')].origin").value("COUNTER"));
	}

	@Test
	void aCitizenWithAnAccountFindsItInTheirAccount() throws Exception {
		Citizen elder = accounts.elder();
		String id = JsonPath.read(file(Citizens.token(mvc, "clerk.civil"), UUID.randomUUID().toString(),
				elder.resident().idNumber(), null, true, true, null)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		mvc.perform(get("/api/v1/applications").header("Authorization", elder.authorization()))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].channel").value("COUNTER"));
	}

	@Test
	void withoutTheIdentityCheckOrTheConsentNothingIsFiled() throws Exception {
		Resident elder = residents.elder();
		String clerk = Citizens.token(mvc, "clerk.civil");
		file(clerk, UUID.randomUUID().toString(), elder.idNumber(), null, false, true, null)
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("identityChecked")));
		file(clerk, UUID.randomUUID().toString(), elder.idNumber(), null, true, false, null)
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("consent")));
		assertThat(db.sql("SELECT count(*) FROM application WHERE applicant_id_number = :id")
			.param("id", elder.idNumber().value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyClerksOfTheMattersDepartmentOrOfTheTicketsHallMayFile() throws Exception {
		Resident elder = residents.elder();
		String outsider = psClerk();
		String outsiderToken = "Bearer " + org.onestop.platform.Tokens.of(mvc, outsider, "clerk-password-1");
		file(outsiderToken, UUID.randomUUID().toString(), elder.idNumber(), null, true, true, null)
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/counter/forms/" + MATTER).param("idNumber", elder.idNumber().value())
			.header("Authorization", outsiderToken)).andExpect(status().isForbidden());
		String ticket = calledTicket();
		file(outsiderToken, UUID.randomUUID().toString(), elder.idNumber(), null, true, true, ticket)
			.andExpect(status().isForbidden());
		// The same clerk, once working at the hall where the citizen's ticket was called.
		db.sql("INSERT INTO appointment_hall_staff (hall, username) VALUES (:h, :u)")
			.param("h", HALL)
			.param("u", outsider)
			.update();
		file(outsiderToken, UUID.randomUUID().toString(), elder.idNumber(), null, true, true, ticket)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("COUNTER"))
			.andExpect(jsonPath("$.hall").value(HALL))
			.andExpect(jsonPath("$.counter").exists());

		file(Citizens.token(mvc, "reviewer.civil"), UUID.randomUUID().toString(), elder.idNumber(), null, true, true,
				null)
			.andExpect(status().isForbidden());
		file(accounts.elder().authorization(), UUID.randomUUID().toString(), elder.idNumber(), null, true, true, null)
			.andExpect(status().isForbidden());
		mvc.perform(
				multipart("/api/v1/counter/documents").file(new MockMultipartFile("file", "s.png", "image/png", PNG))
					.param("idNumber", elder.idNumber().value())
					.param("title", "扫描件")
					.header("Authorization", accounts.elder().authorization()))
			.andExpect(status().isForbidden());
	}

	@Test
	void onlyHallStaffLookResidentsUpAndScanTheirPapers() throws Exception {
		Resident elder = residents.elder();
		String outsider = psClerk();
		String token = "Bearer " + org.onestop.platform.Tokens.of(mvc, outsider, "clerk-password-1");
		scan(token, elder).andExpect(status().isForbidden());
		assertThat(lookUp(outsider, elder)).doesNotContain(elder.name());
		assertThat(db.sql("SELECT count(*) FROM registry_access WHERE id_number = :id AND accessor = :u")
			.param("id", elder.idNumber().value())
			.param("u", outsider)
			.query(Integer.class)
			.single()).as("not looked up").isZero();
		// The same clerk, once working at a hall.
		db.sql("INSERT INTO appointment_hall_staff (hall, username) VALUES (:h, :u)")
			.param("h", HALL)
			.param("u", outsider)
			.update();
		scan(token, elder).andExpect(status().isCreated());
		assertThat(lookUp(outsider, elder)).contains(elder.name());
		assertThat(db.sql("SELECT count(*) FROM registry_access WHERE id_number = :id AND accessor = :u")
			.param("id", elder.idNumber().value())
			.param("u", outsider)
			.query(Integer.class)
			.single()).as("the look-up is in the resident's data-access log").isPositive();
	}

	/** The counter page's look-up of a resident, as this clerk sees it. */
	private String lookUp(String clerk, Resident resident) throws Exception {
		OneStopUser user = new OneStopUser(clerk, clerk, true, null, "PS", Set.of(Role.CLERK));
		return mvc
			.perform(get("/staff/counter/file").param("idNumber", resident.idNumber().value())
				.with(authentication(new UsernamePasswordAuthenticationToken(user, null,
						List.of(new SimpleGrantedAuthority("ROLE_STAFF"), new SimpleGrantedAuthority("ROLE_CLERK"))))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private org.springframework.test.web.servlet.ResultActions scan(String authorization, Resident resident)
			throws Exception {
		return mvc.perform(
				multipart("/api/v1/counter/documents").file(new MockMultipartFile("file", "s.png", "image/png", PNG))
					.param("idNumber", resident.idNumber().value())
					.param("title", "扫描件")
					.header("Authorization", authorization));
	}

	@Test
	void anUnknownResidentIsRefusedBesideTheIdNumber() throws Exception {
		ResidentIdNumber nobody = ResidentIdNumber.complete(Residents.REGION + "19010101999");
		file(Citizens.token(mvc, "clerk.civil"), UUID.randomUUID().toString(), nobody, null, true, true, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"));
		mvc.perform(get("/api/v1/counter/forms/" + MATTER).param("idNumber", "123")
			.header("Authorization", Citizens.token(mvc, "clerk.civil")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"));
	}

	@Test
	void theSameKeyGivesTheSameApplicationEvenAtTheSameMoment() throws Exception {
		Resident elder = residents.elder();
		String clerk = Citizens.token(mvc, "clerk.civil");
		String key = UUID.randomUUID().toString();
		String first = JsonPath
			.read(file(clerk, key, elder.idNumber(), null, true, true, null).andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		file(clerk, key, elder.idNumber(), null, true, true, null).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(first));

		Resident other = residents.elder();
		String raced = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<MvcResult>> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				calls.add(() -> file(clerk, raced, other.idNumber(), null, true, true, null).andReturn());
			}
			Set<String> ids = new HashSet<>();
			for (Future<MvcResult> f : pool.invokeAll(calls)) {
				assertThat(f.get().getResponse().getStatus()).isEqualTo(201);
				ids.add(JsonPath.read(f.get().getResponse().getContentAsString(), "$.id"));
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(db.sql("SELECT count(*) FROM application WHERE applicant_id_number = :id")
			.param("id", other.idNumber().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(db
			.sql("SELECT count(*) FROM application_counter_filing f JOIN application a ON a.id = f.application_id"
					+ " WHERE a.applicant_id_number = :id")
			.param("id", other.idNumber().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private org.springframework.test.web.servlet.ResultActions file(String authorization, String key,
			ResidentIdNumber idNumber, String document, boolean identityChecked, boolean consent, String ticket)
			throws Exception {
		String body = """
				{"idNumber":"%s","serviceCode":"%s","fields":{},"documentIds":[%s],"identityChecked":%s,
				 "consent":%s,"idCardReaderNumber":"R-0815"%s}""".formatted(idNumber.value(), MATTER,
				document == null ? "" : "\"" + document + "\"", identityChecked, consent,
				ticket == null ? "" : ",\"ticketId\":\"" + ticket + "\"");
		return mvc.perform(post("/api/v1/counter/applications").header("Authorization", authorization)
			.header("Accept-Language", "en")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** A Public Security clerk, made by the administrator, who works at no hall. */
	private String psClerk() throws Exception {
		String username = "clerk.ps." + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/admin/staff").header("Authorization", Citizens.token(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"测试窗口","department":"PS","roles":["CLERK"],
					 "password":"clerk-password-1"}""".formatted(username))).andExpect(status().isCreated());
		return username;
	}

	/**
	 * A walk-in ticket of the hall, called at a counter that serves the elderly
	 * allowance.
	 */
	private String calledTicket() throws Exception {
		HallLayout layout = halls.layout(HALL);
		String group = layout.groupOf(MATTER).orElseThrow().code();
		HallLayout.Counter counter = layout.counters()
			.stream()
			.filter(c -> c.groups().contains(group))
			.findFirst()
			.orElseThrow();
		String clerk = Citizens.token(mvc, "clerk.civil");
		mvc.perform(post("/api/v1/halls/" + HALL + "/tickets").header("Authorization", clerk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"" + MATTER + "\"}")).andExpect(status().isCreated());
		String called = mvc.perform(post("/api/v1/halls/" + HALL + "/counters/" + counter.id() + "/call-next")
			.header("Authorization", clerk)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(called, "$.id");
	}

}
