package org.onestop.identity;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.servlet.http.Cookie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.appointment.booking.Booking;
import org.onestop.platform.WorkingCalendar;
import org.onestop.identity.AccessMatrix.Answer;
import org.onestop.identity.AccessMatrix.Row;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what in the API: every operation of the OpenAPI description, asked by
 * anonymous, by a citizen on their own resource, by another citizen, and by a demo
 * account of every staff role, answers as {@code access-matrix.txt} says. A new endpoint
 * fails here until it has a row.
 * <p>
 * Only the access decision is checked. A probe that is let past the rule may be refused
 * for its body: state-changing probes send an empty JSON object (or a multipart with no
 * file), and ids that exist nowhere, so that what an allowed caller gets is a 400, 404,
 * 409 or 422 and nothing of the demo city changes. The owner's own test resources (made
 * here) are changed: the application is withdrawn, the appointment rescheduled and
 * cancelled. The few probes that cannot help writing are harmless: every caller starts an
 * assistant conversation and marks their own inbox read, signs out a token signed in for
 * that alone, and the administrator lifts the sign-in locks of a username nobody has.
 * <p>
 * The body must still be readable JSON: Spring reads the arguments before a method's
 * {@code @PreAuthorize} runs, so an unreadable body would answer 400 to everyone and hide
 * the rule. For the same reason path variables are well-formed (a UUID, a date, a
 * number).
 */
@IntegrationTest
class AccessRulesIntegrationTests {

	/** A civil-affairs matter, so that the civil-affairs staff below handle its cases. */
	private static final String MATTER = "CA-ELD-001";

	private static final String HALL = "HALL-EAST";

	private static final String NOWHERE = "00000000-0000-4000-8000-000000000000";

	/**
	 * The demo account that plays each role: the case-handling ones of civil affairs, the
	 * department of {@link #MATTER}.
	 */
	private static final Map<Role, String> STAFF = Map.ofEntries(Map.entry(Role.CLERK, "clerk.civil"),
			Map.entry(Role.REVIEWER, "reviewer.civil"), Map.entry(Role.SUPERVISOR, "supervisor.civil"),
			Map.entry(Role.FIELD_OFFICER, "field.civil"), Map.entry(Role.AGENT, "agent.hotline"),
			Map.entry(Role.DISPATCHER, "dispatcher"), Map.entry(Role.DEPARTMENT_HEAD, "head.civil"),
			Map.entry(Role.ADMIN, "admin"), Map.entry(Role.AUDITOR, "auditor"),
			Map.entry(Role.CONTENT_EDITOR, "editor"), Map.entry(Role.COMPLAINT_HANDLER, "handler.civil"),
			Map.entry(Role.SERVICES_SUPERVISOR, "supervisor.services"));

	/**
	 * Bodies for operations that check the body before the caller (so an empty object
	 * would answer 400 to everyone and test no rule); {@code {slot}} is a free slot.
	 */
	private static final Map<String, String> BODIES = Map.of("POST /api/v1/appointments/{id}/reschedule",
			"{\"slotId\":{slot}}", "POST /api/v1/assistant/conversations/{id}/messages", "{\"text\":\"你好\"}",
			"POST /api/v1/assistant/conversations/{id}/rating", "{\"helpful\":true}",
			"POST /api/v1/halls/{hall}/tickets", "{\"serviceCode\":\"NOWHERE\"}");

	/**
	 * The citizen's own resource that a path's {@code {id}} names; any other variable is
	 * a value that exists nowhere.
	 */
	private static final Map<String, String> OWNED = Map.of("/api/v1/applications/drafts/{id}", "draft",
			"/api/v1/applications/{id}", "application", "/api/v1/staff/applications/{id}", "application",
			"/api/v1/appointments/{id}", "appointment", "/api/v1/assistant/conversations/{id}", "conversation",
			"/api/v1/me/documents/{id}", "document", "/api/v1/me/notifications/{id}", "notification",
			"/api/v1/complaints/{id}", "complaint");

	/**
	 * Taking a ticket is checked in the controller against the hall (its clerks, its
	 * kiosks): a real hall, and a matter it does not serve, so that nobody gets one.
	 */
	private static final Map<String, String> PATHS = Map.of("POST /api/v1/halls/{hall}/tickets",
			"/api/v1/halls/" + HALL + "/tickets");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient db;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Booking booking;

	private final Map<String, String> tokens = new HashMap<>();

	private final Map<String, String> owned = new HashMap<>();

	private Citizen citizen;

	private Citizen other;

	@Test
	void everyDocumentedOperationHasARow() throws Exception {
		Set<String> missing = new LinkedHashSet<>(documented().keySet());
		missing.removeAll(AccessMatrix.read().rows().keySet());
		assertThat(missing)
			.as("Operations of the API with no row in %s: add a row for each, saying what every caller gets",
					AccessMatrix.FILE)
			.isEmpty();
	}

	@Test
	void everyRowNamesAnOperationThatExists() throws Exception {
		Set<String> gone = new LinkedHashSet<>(AccessMatrix.read().rows().keySet());
		gone.removeAll(documented().keySet());
		assertThat(gone).as("Rows of %s for operations the API no longer has: remove them", AccessMatrix.FILE)
			.isEmpty();
	}

	/**
	 * One test per operation and caller. GETs run first and DELETEs last, and in each row
	 * the owner comes last, so that the owner's withdrawal or cancellation changes
	 * nothing another probe needs.
	 */
	/**
	 * The citizen's appointment needs an open day in the booking window, which a long
	 * holiday can empty: the matrix runs on the latest working morning (the clock stays
	 * there until its dynamic tests are done).
	 */
	@BeforeEach
	void onAWorkingMorning() {
		clock.moveToLatestWorkingMorning(calendar);
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	@TestFactory
	List<DynamicTest> everyCallerGetsWhatTheMatrixSays() throws Exception {
		AccessMatrix matrix = AccessMatrix.read();
		Map<String, JsonNode> operations = documented();
		makeTheCitizensResources();
		List<DynamicTest> tests = new ArrayList<>();
		List<Row> rows = matrix.rows()
			.values()
			.stream()
			.filter(row -> operations.containsKey(row.operation()))
			.sorted(Comparator.comparingInt(row -> order(row.operation())))
			.toList();
		List<Integer> columns = new ArrayList<>();
		for (int c = 0; c < matrix.columns().size(); c++) {
			columns.add(c);
		}
		// The owner last: 'citizen' is column 1.
		columns.remove(Integer.valueOf(1));
		columns.add(1);
		for (Row row : rows) {
			for (int c : columns) {
				String column = matrix.columns().get(c);
				Answer expected = row.answers().get(c);
				JsonNode operation = operations.get(row.operation());
				tests.add(dynamicTest(row.operation() + " as " + column + " -> " + expected.code, () -> {
					int status = mvc.perform(probe(row.operation(), operation, column))
						.andReturn()
						.getResponse()
						.getStatus();
					assertThat(status)
						.as("%s as %s (%s): the probe itself is wrong", row.operation(), column, caller(column))
						.isLessThan(500);
					assertThat(expected.accepts(status))
						.as("%s as %s (%s) answered %d; %s says %s", row.operation(), column, caller(column), status,
								AccessMatrix.FILE, expected.code)
						.isTrue();
				}));
			}
		}
		return tests;
	}

	/**
	 * Pages, through a real sign-in: anonymous visitors are sent to sign in, and each
	 * kind of account reaches only its own pages.
	 */
	@ParameterizedTest(name = "{0} as {1} -> {2}")
	@CsvSource(textBlock = """
			/account,     anon,        /sign-in
			/staff,       anon,        /sign-in
			/admin/staff, anon,        /sign-in
			/account,     citizen,     200
			/staff,       citizen,     403
			/admin/staff, citizen,     403
			/staff,       clerk.civil, 200
			/account,     clerk.civil, 403
			/admin/staff, clerk.civil, 403
			/admin/staff, admin,       200
			/halls/HALL-EAST/kiosk/register, anon, /sign-in
			/halls/HALL-EAST/kiosk/register, citizen, 200
			/account/documents,        anon,        /sign-in
			/account/documents,        citizen,     200
			/account/documents,        clerk.civil, 403
			/applications/bundle/baby, anon,        /sign-in
			/applications/bundle/baby, citizen,     200
			/applications/bundle/baby, clerk.civil, 403
			/privacy,                  anon,        200
			/halls/HALL-CITY,          anon,        200
			/staff/counters, anon,           /sign-in
			/staff/counters, citizen,        403
			/staff/counters, clerk.civil,    200
			/staff/counters, reviewer.civil, 403
			/account/password, anon,   /sign-in
			/account/phone, anon,      /sign-in
			/account/password, citizen, 200
			/account/phone, citizen,   200
			/account/password, clerk.civil, 403
			/sign-in/forgot, anon,     200
			""")
	void pagesAreGuardedByKindAndRole(String page, String caller, String expected) throws Exception {
		MockHttpServletRequestBuilder request = get(page);
		if (!caller.equals("anon")) {
			Citizen someone = caller.equals("citizen") ? accounts.register(residents.aged(40).create()) : null;
			String username = someone != null ? someone.username() : caller;
			String password = someone != null ? someone.password() : "demo12345";
			Cookie session = mvc
				.perform(post("/sign-in").with(csrf()).param("username", username).param("password", password))
				.andReturn()
				.getResponse()
				.getCookie("ONESTOP_SESSION");
			assertThat(session).as("session of %s", username).isNotNull();
			request.cookie(session);
		}
		if (expected.startsWith("/")) {
			mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(expected));
		}
		else {
			mvc.perform(request).andExpect(status().is(Integer.parseInt(expected)));
		}
	}

	@Test
	void healthIsOpenButMetricsAndActuatorDetailsAreNot() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		// metrics tell an attacker how busy the site is, and what runs it: an
		// administrator's token only
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/actuator/prometheus").header("Authorization",
				accounts.register(residents.aged(30).create()).authorization()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + Tokens.of(mvc, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
		mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
	}

	private static int order(String operation) {
		if (operation.startsWith("GET ")) {
			return 0;
		}
		return operation.startsWith("DELETE ") ? 2 : 1;
	}

	/** Every operation of the OpenAPI description, as "METHOD /path/{template}". */
	private Map<String, JsonNode> documented() throws Exception {
		String body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		Map<String, JsonNode> operations = new TreeMap<>();
		JSON.readTree(body)
			.get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(method -> operations.put(method.getKey().toUpperCase() + " " + path.getKey(),
						method.getValue())));
		return operations;
	}

	/**
	 * The first citizen's application, draft, appointment, conversation, document and
	 * inbox message; the second citizen has none.
	 */
	private void makeTheCitizensResources() throws Exception {
		citizen = accounts.register(residents.aged(40).create());
		other = accounts.register(residents.aged(41).create());
		UUID application = UUID.randomUUID();
		db.sql("""
				INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
				  form_revision, department, status, explanation, created_at, updated_at, submitted_at)
				VALUES (:id, :a, :idn, :n, :service, 1, 1, 'CA', 'IN_REVIEW', 'access matrix', :at, :at, :at)""")
			.param("at", Timestamp.from(clock.instant()))
			.param("id", application)
			.param("a", citizen.username())
			.param("idn", citizen.resident().idNumber().value())
			.param("n", citizen.resident().name())
			.param("service", MATTER)
			.update();
		owned.put("application", application.toString());
		owned.put("draft", read(as(citizen, get("/api/v1/services/" + MATTER + "/form")), "$.draftId"));
		String slot = freeSlot();
		owned.put("slot", slot);
		String booking = "{\"slotId\":%s,\"serviceCode\":\"%s\",\"applicationId\":\"%s\"}".formatted(slot, MATTER,
				application);
		owned.put("appointment",
				read(as(citizen, post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content(booking)),
						"$.id"));
		owned.put("conversation", read(as(citizen, post("/api/v1/assistant/conversations")), "$.id"));
		owned.put("complaint", read(
				as(citizen,
						post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
							.content("{\"categoryCode\":\"ENV-NOISE-NEIGHBOUR\",\"description\":\"access matrix\"}")),
				"$.id"));
		owned.put(
				"document", read(
						as(citizen,
								multipart("/api/v1/me/documents")
									.file(new MockMultipartFile("file", "a.pdf", "application/pdf",
											"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"
												.getBytes(StandardCharsets.US_ASCII)))
									.param("title", "身份证复印件")),
						"$.id"));
		owned.put("notification",
				inbox.send(new Message(citizen.username(), "notification.welcome", List.of("x"), null, "WELCOME"))
					.toString());
	}

	/**
	 * The citizen's booked appointment: it has a new id once the owner's probe has
	 * rescheduled it.
	 */
	private String bookedAppointment() throws Exception {
		String body = mvc.perform(as(citizen, get("/api/v1/appointments")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> booked = JsonPath.read(body, "$[?(@.status == 'BOOKED')].id");
		return booked.isEmpty() ? owned.get("appointment") : booked.get(0);
	}

	private String freeSlot() throws Exception {
		LocalDate today = booking.today();
		for (int d = 0; d <= 7; d++) {
			String body = mvc
				.perform(get("/api/v1/halls/" + HALL + "/slots").param("serviceCode", MATTER)
					.param("date", today.plusDays(d).toString()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Object> free = JsonPath.read(body, "$[?(@.remaining > 0)].id");
			if (!free.isEmpty()) {
				return free.get(0).toString();
			}
		}
		throw new AssertionError("no free slot within the booking window");
	}

	private String read(MockHttpServletRequestBuilder request, String path) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("%s: %s", request, response.getContentAsString()).isLessThan(300);
		return JsonPath.read(response.getContentAsString(), path).toString();
	}

	private MockHttpServletRequestBuilder as(Citizen who, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", who.authorization());
	}

	/** The request that asks the operation as the column's caller. */
	private MockHttpServletRequestBuilder probe(String name, JsonNode operation, String column) throws Exception {
		String method = name.substring(0, name.indexOf(' '));
		String template = name.substring(name.indexOf(' ') + 1);
		String uri = PATHS.containsKey(name) ? PATHS.get(name) : fill(template, operation);
		MockHttpServletRequestBuilder request;
		JsonNode content = operation.path("requestBody").path("content");
		if (content.has(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			request = multipart(HttpMethod.valueOf(method), uri);
		}
		else {
			request = request(HttpMethod.valueOf(method), uri);
			if (!content.isMissingNode()) {
				String body = BODIES.getOrDefault(name, "{}").replace("{slot}", owned.get("slot"));
				request.contentType(MediaType.APPLICATION_JSON).content(body);
			}
		}
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
				request.param(parameter.get("name").asText(), nowhere(parameter));
			}
		}
		String token = token(column, name.equals("POST /api/v1/auth/logout"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	/** The path with the citizen's own resource, or a value that exists nowhere. */
	private String fill(String template, JsonNode operation) throws Exception {
		String resource = OWNED.entrySet()
			.stream()
			.filter(e -> template.startsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		Matcher m = VARIABLE.matcher(template);
		StringBuilder uri = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String value;
			if (resource != null && name.equals("id")) {
				value = resource.equals("appointment") ? bookedAppointment() : owned.get(resource);
			}
			else {
				value = operation.findValues("parameters")
					.stream()
					.flatMap(p -> StreamSupport.stream(p.spliterator(), false))
					.filter(p -> p.path("name").asText().equals(name))
					.findFirst()
					.map(AccessRulesIntegrationTests::nowhere)
					.orElse("nowhere");
			}
			m.appendReplacement(uri, Matcher.quoteReplacement(value));
		}
		m.appendTail(uri);
		return uri.toString();
	}

	/**
	 * A well-formed value of the parameter's type that names nothing: a malformed one
	 * would be refused before any {@code @PreAuthorize} runs.
	 */
	private static String nowhere(JsonNode parameter) {
		JsonNode schema = parameter.path("schema");
		String format = schema.path("format").asText();
		return switch (schema.path("type").asText()) {
			case "integer" -> "1";
			default -> switch (format) {
				case "uuid" -> NOWHERE;
				case "date" -> "2199-01-01";
				default -> "NOWHERE";
			};
		};
	}

	/**
	 * The caller's bearer token, or null for anonymous. Signing out revokes the token, so
	 * that probe signs in afresh.
	 */
	private String token(String column, boolean fresh) throws Exception {
		return switch (column) {
			case "anon" -> null;
			case "citizen" -> fresh ? Tokens.of(mvc, citizen.username(), citizen.password()) : citizen.token();
			case "other" -> fresh ? Tokens.of(mvc, other.username(), other.password()) : other.token();
			default -> fresh ? Tokens.of(mvc, caller(column)) : tokens.computeIfAbsent(caller(column), this::signIn);
		};
	}

	private String signIn(String username) {
		try {
			return Tokens.of(mvc, username);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Who plays the column. */
	private String caller(String column) {
		return switch (column) {
			case "anon" -> "no token";
			case "citizen" -> "owner " + citizen.username();
			case "other" -> "another citizen " + other.username();
			default -> STAFF.get(AccessMatrix.ROLES.get(column));
		};
	}

}
