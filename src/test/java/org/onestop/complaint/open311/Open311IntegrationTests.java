package org.onestop.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GeoReport v2 as an Open311 client sees it: every endpoint in XML and JSON, checked
 * against the spec's element and field names, every error in the spec's own format, and a
 * posted request that is a complaint like any other.
 */
@IntegrationTest
class Open311IntegrationTests {

	private static final String KEY = "demo-open311-key";

	private static final String SERVICE = "ENV-NOISE-CONSTRUCTION";

	/** GeoReport v2's request, in the spec's order. */
	private static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
			"service_name", "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
			"updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

	private static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description",
			"metadata", "type", "keywords", "group");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	private final Map<String, String> tokens = new HashMap<>();

	@Test
	void discoveryNamesTheEndpointAndBothFormats() throws Exception {
		Element xml = xml(perform(get("/open311/v2/discovery.xml")), 200, "discovery");
		assertThat(children(xml)).containsExactly("changeset", "contact", "key_service", "endpoints");
		Element endpoint = only(child(xml, "endpoints"), "endpoint");
		assertThat(children(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
		assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(text(endpoint, "url")).endsWith("/open311/v2");
		assertThat(elements(child(endpoint, "formats"), "format")).extracting(Element::getTextContent)
			.containsExactly("text/xml", "application/json");

		JsonNode json = json(perform(get("/open311/v2/discovery.json")), 200);
		assertThat(fields(json)).containsExactly("changeset", "contact", "key_service", "endpoints");
		assertThat(json.get("endpoints").get(0).get("formats").isArray()).isTrue();
		assertThat(json.get("changeset").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
	}

	@Test
	void servicesAreTheLeafCategoriesInTheRequestsLanguage() throws Exception {
		Element xml = xml(perform(get("/open311/v2/services.xml").header("Accept-Language", "en")), 200, "services");
		List<Element> services = elements(xml, "service");
		assertThat(services).hasSizeGreaterThan(10);
		services.forEach(s -> assertThat(children(s)).containsExactlyElementsOf(SERVICE_FIELDS));
		Element noise = services.stream()
			.filter(s -> SERVICE.equals(text(s, "service_code")))
			.findFirst()
			.orElseThrow();
		assertThat(text(noise, "service_name")).isEqualTo("Construction noise (including at night)");
		assertThat(text(noise, "metadata")).isEqualTo("false");
		assertThat(text(noise, "type")).isEqualTo("realtime");
		assertThat(text(noise, "group")).isEqualTo("Environment and noise");
		assertThat(services).noneMatch(s -> "ENV".equals(text(s, "service_code")));

		JsonNode json = json(perform(get("/open311/v2/services.json")), 200);
		assertThat(json.isArray()).isTrue();
		JsonNode first = json.get(0);
		assertThat(fields(first)).containsExactlyElementsOf(SERVICE_FIELDS);
		assertThat(first.get("metadata").isBoolean()).isTrue();
		assertThat(first.get("service_code").isTextual()).isTrue();
		assertThat(json.findValuesAsText("service_name")).contains("施工噪声（含夜间施工）");
		assertThat(json(perform(get("/open311/v2/services.json?locale=en")), 200).findValuesAsText("service_name"))
			.contains("Construction noise (including at night)");
	}

	@Test
	void aServiceDefinitionHasItsCodeAndAttributes() throws Exception {
		Element xml = xml(perform(get("/open311/v2/services/" + SERVICE + ".xml")), 200, "service_definition");
		assertThat(children(xml)).containsExactly("service_code", "attributes");
		assertThat(text(xml, "service_code")).isEqualTo(SERVICE);
		JsonNode json = json(perform(get("/open311/v2/services/" + SERVICE + ".json")), 200);
		assertThat(fields(json)).containsExactly("service_code", "attributes");
		assertThat(json.get("attributes").isArray()).isTrue();

		errors(perform(get("/open311/v2/services/NO-SUCH-THING.xml")), 404, "xml");
		errors(perform(get("/open311/v2/services/NO-SUCH-THING.json")), 404, "json");
		errors(perform(get("/open311/v2/services/ENV.json")), 404, "json");
	}

	@Test
	void aPostedRequestIsAComplaintLikeAnyOtherAndListed() throws Exception {
		MockHttpServletResponse posted = perform(form("/open311/v2/requests.xml", KEY).param("service_code", SERVICE)
			.param("lat", "39.904561")
			.param("long", "116.407452")
			.param("address_string", "东城区东长安街 1 号工地")
			.param("description", "工地凌晨两点还在打桩")
			.param("media_url", "https://photos.example.org/pile-driver.jpg")
			.param("email", "reporter@example.org")
			.param("first_name", "Lin")
			.param("last_name", "Chen")
			.param("phone", "13800001234")
			.param("device_id", "device-1")
			.param("attribute[NOISE]", "loud"));
		Element answer = xml(posted, 200, "service_requests");
		Element request = only(answer, "request");
		assertThat(children(request)).containsExactly("service_request_id", "token", "service_notice", "account_id");
		String id = text(request, "service_request_id");
		String token = text(request, "token");
		assertThat(text(request, "service_notice")).contains("7");

		// The dispatch centre sees it in its queue, as any complaint, from channel
		// OPEN311.
		String queue = perform(get("/api/v1/dispatch/queue").header("Authorization", bearer("dispatcher")))
			.getContentAsString();
		assertThat(queue).contains(id);
		JsonNode staff = json(perform(get("/api/v1/complaints/" + id).header("Authorization", bearer("dispatcher"))),
				200);
		assertThat(staff.get("channel").asText()).isEqualTo("OPEN311");
		assertThat(staff.at("/staff/contactName").asText()).isEqualTo("Lin Chen");
		assertThat(staff.at("/staff/contactEmail").asText()).isEqualTo("reporter@example.org");

		Element byToken = only(xml(perform(get("/open311/v2/tokens/" + token + ".xml")), 200, "service_requests"),
				"request");
		assertThat(children(byToken)).containsExactly("service_request_id", "token");
		assertThat(text(byToken, "service_request_id")).isEqualTo(id);
		JsonNode tokenJson = json(perform(get("/open311/v2/tokens/" + token + ".json")), 200);
		assertThat(tokenJson.get(0).get("service_request_id").asText()).isEqualTo(id);
		errors(perform(get("/open311/v2/tokens/no-such-token.json")), 404, "json");

		JsonNode one = json(perform(get("/open311/v2/requests/" + id + ".json")), 200);
		assertThat(one.size()).isEqualTo(1);
		JsonNode mine = one.get(0);
		assertThat(fields(mine)).containsExactlyElementsOf(REQUEST_FIELDS);
		assertThat(mine.get("status").asText()).isEqualTo("open");
		assertThat(mine.get("service_code").asText()).isEqualTo(SERVICE);
		assertThat(mine.get("description").asText()).isEqualTo("工地凌晨两点还在打桩");
		assertThat(mine.get("lat").isNumber()).isTrue();
		assertThat(mine.get("lat").asDouble()).isEqualTo(39.904561);
		assertThat(mine.get("long").asDouble()).isEqualTo(116.407452);
		assertThat(mine.get("media_url").asText()).isEqualTo("https://photos.example.org/pile-driver.jpg");
		assertThat(mine.get("agency_responsible").asText()).isNotBlank();
		for (String at : List.of("requested_datetime", "updated_datetime", "expected_datetime")) {
			assertThat(mine.get(at).asText()).as(at).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
		}
		assertThat(one.toString()).doesNotContain("13800001234", "reporter@example.org", "Chen");

		Element list = xml(perform(get("/open311/v2/requests.xml")), 200, "service_requests");
		Element listed = elements(list, "request").stream()
			.filter(r -> id.equals(text(r, "service_request_id")))
			.findFirst()
			.orElseThrow();
		assertThat(children(listed)).containsExactlyElementsOf(REQUEST_FIELDS);
		assertThat(text(listed, "status")).isEqualTo("open");
		JsonNode byService = json(
				perform(get("/open311/v2/requests.json").param("service_code", SERVICE).param("status", "open")), 200);
		assertThat(byService.findValuesAsText("service_request_id")).contains(id);
		assertThat(byService.findValuesAsText("service_code")).containsOnly(SERVICE);
		assertThat(json(perform(get("/open311/v2/requests.json").param("status", "closed")), 200)
			.findValuesAsText("service_request_id")).doesNotContain(id);
		assertThat(json(perform(get("/open311/v2/requests.json").param("service_request_id", "nonsense," + id)), 200)
			.findValuesAsText("service_request_id")).containsExactly(id);
	}

	@Test
	void complaintsFromOtherChannelsShowNoDescriptionAndOnlyARoughPlace() throws Exception {
		MockHttpServletResponse filed = perform(post("/api/v1/complaints").header("Authorization", bearer("li.na"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"categoryCode\":\"" + SERVICE + "\",\"description\":\"我家楼下工地，我叫李娜，电话13900000000\","
					+ "\"address\":\"朝阳区某小区\",\"latitude\":39.904561,\"longitude\":116.407452}"));
		assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
		JsonNode complaint = JSON.readTree(filed.getContentAsString());
		String id = complaint.get("id").asText();
		String trackingCode = complaint.get("trackingCode").asText();

		for (String format : List.of("json", "xml")) {
			MockHttpServletResponse response = perform(get("/open311/v2/requests/" + id + "." + format));
			assertThat(response.getContentAsString()).doesNotContain("李娜", "13900000000", trackingCode, "li.na",
					"39.904561", "朝阳区某小区");
		}
		JsonNode shown = json(perform(get("/open311/v2/requests/" + id + ".json")), 200).get(0);
		assertThat(shown.get("description").isNull()).isTrue();
		assertThat(shown.get("lat").asDouble()).isEqualTo(39.905);
		assertThat(shown.get("long").asDouble()).isEqualTo(116.407);
		// The address a citizen typed on the web may name their home: not published.
		assertThat(shown.get("address").isNull()).isTrue();
		Element xml = only(xml(perform(get("/open311/v2/requests/" + id + ".xml")), 200, "service_requests"),
				"request");
		assertThat(text(xml, "description")).isEmpty();
		assertThat(text(xml, "lat")).isEqualTo("39.905");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "json" })
	void postingErrorsAnswerInTheSpecsFormat(String format) throws Exception {
		String url = "/open311/v2/requests." + format;
		errors(perform(form(url, null).param("service_code", SERVICE).param("address_string", "x")), 403, format);
		errors(perform(form(url, "wrong-key").param("service_code", SERVICE).param("address_string", "x")), 403,
				format);
		errors(perform(form(url, KEY).param("address_string", "东城区")), 400, format, "service_code");
		errors(perform(form(url, KEY).param("service_code", "NO-SUCH-SERVICE").param("address_string", "东城区")), 400,
				format, "service_code");
		errors(perform(form(url, KEY).param("service_code", SERVICE).param("description", "吵")), 400, format, "lat");
		errors(perform(form(url, KEY).param("service_code", SERVICE).param("lat", "31.2304").param("long", "121.4737")),
				400, format, "lat");
		errors(perform(form(url, KEY).param("service_code", SERVICE).param("lat", "north").param("long", "116.4")), 400,
				format, "lat");
		errors(perform(form(url, KEY).param("service_code", SERVICE)
			.param("address_string", "东城区")
			.param("description", "吵".repeat(4001))), 400, format, "description");
		errors(perform(form(url, KEY).param("service_code", SERVICE)
			.param("address_string", "东城区")
			.param("media_url", "javascript:alert(1)")), 400, format, "media_url");
		errors(perform(form(url, KEY).param("service_code", SERVICE)
			.param("address_string", "东城区")
			.param("jurisdiction_id", "elsewhere.gov")), 400, format, "jurisdiction_id");
		// The platform strips control characters from non-API forms; Open311 refuses
		// them.
		errors(perform(form(url, KEY).param("service_code", SERVICE)
			.param("address_string", "东城区")
			.param("description", "工地\u0000噪声")), 400, format, "description");
		// Several problems at once: one error each.
		List<String> both = errors(perform(form(url, KEY).param("service_code", SERVICE)
			.param("lat", "39.9")
			.param("email", "not-mail")
			.param("description", "x".repeat(4001))), 400, format);
		assertThat(both).hasSizeGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "json" })
	void readingErrorsAnswerInTheSpecsFormat(String format) throws Exception {
		String url = "/open311/v2/requests." + format;
		errors(perform(get(url).param("start_date", "2026-01-01T00:00:00+08:00")
			.param("end_date", "2026-04-02T00:00:00+08:00")), 400, format, "end_date");
		errors(perform(get(url).param("start_date", "last tuesday")), 400, format, "start_date");
		errors(perform(get(url).param("start_date", "2026-03-01T00:00:00Z").param("end_date", "2026-02-01T00:00:00Z")),
				400, format, "end_date");
		errors(perform(get(url).param("status", "pending")), 400, format, "status");
		errors(perform(get(url).param("jurisdiction_id", "elsewhere.gov")), 400, format, "jurisdiction_id");
		errors(perform(get(url).param("service_code", "A\u0007B")), 400, format, "service_code");
		errors(perform(get("/open311/v2/requests/" + UUID.randomUUID() + "." + format)), 404, format);
		errors(perform(get("/open311/v2/requests/not-an-id." + format)), 404, format);
		errors(perform(get("/open311/v2/nothing-here." + format)), 404, format);
		assertThat(json(perform(get("/open311/v2/requests.json").param("jurisdiction_id", "onestop.demo")
			.param("start_date", "2026-01-01T00:00:00+08:00")
			.param("end_date", "2026-03-31T00:00:00+08:00")), 200).isArray()).isTrue();
	}

	@Test
	void anUnknownFormatIsNotFoundInXml() throws Exception {
		for (String url : List.of("/open311/v2/services.csv", "/open311/v2/discovery.html", "/open311/v2/requests.yaml",
				"/open311/v2/services/" + SERVICE + ".txt")) {
			errors(perform(get(url)), 404, "xml");
		}
		errors(perform(
				form("/open311/v2/requests.csv", KEY).param("service_code", SERVICE).param("address_string", "东城区")),
				404, "xml");
	}

	@Test
	void errorsSpeakTheRequestsLanguage() throws Exception {
		List<String> english = errors(
				perform(form("/open311/v2/requests.json", "wrong").header("Accept-Language", "en")), 403, "json");
		assertThat(english.get(0)).contains("api_key");
		assertThat(english.get(0)).contains("administrators");
		List<String> chinese = errors(perform(form("/open311/v2/requests.json", "wrong")), 403, "json");
		assertThat(chinese.get(0)).contains("密钥");
	}

	@Test
	void administratorsIssueKeysThatWorkUntilRevoked() throws Exception {
		String id = "app-" + Long.toString(System.nanoTime(), 36);
		MockHttpServletResponse issued = perform(
				post("/api/v1/admin/open311-clients").header("Authorization", bearer("admin"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"id\":\"" + id + "\",\"name\":\"街拍随手报\"}"));
		assertThat(issued.getStatus()).as(issued.getContentAsString()).isEqualTo(201);
		String key = JSON.readTree(issued.getContentAsString()).get("key").asText();
		assertThat(key).hasSizeGreaterThanOrEqualTo(40);

		String list = perform(get("/api/v1/admin/open311-clients").header("Authorization", bearer("admin")))
			.getContentAsString();
		assertThat(list).contains(id).doesNotContain(key).doesNotContain(Open311Clients.sha256(key));

		assertThat(perform(form("/open311/v2/requests.json", key).param("service_code", SERVICE)
			.param("address_string", "西城区西单北大街")
			.param("description", "夜间施工")).getStatus()).isEqualTo(200);
		assertThat(perform(delete("/api/v1/admin/open311-clients/" + id).header("Authorization", bearer("editor")))
			.getStatus()).as("content editors pass the URL rule, not the facade").isEqualTo(403);
		assertThat(perform(delete("/api/v1/admin/open311-clients/" + id).header("Authorization", bearer("admin")))
			.getStatus()).isEqualTo(204);
		errors(perform(form("/open311/v2/requests.json", key).param("service_code", SERVICE)
			.param("address_string", "西城区西单北大街")), 403, "json");

		assertThat(perform(post("/api/v1/admin/open311-clients").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"" + id + "\",\"name\":\"again\"}")).getStatus()).isEqualTo(409);
		assertThat(perform(post("/api/v1/admin/open311-clients").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"Bad Id\",\"name\":\"\"}")).getStatus()).isEqualTo(400);
		assertThat(perform(delete("/api/v1/admin/open311-clients/no-such-app").header("Authorization", bearer("admin")))
			.getStatus()).isEqualTo(404);
		assertThat(perform(get("/api/v1/admin/open311-clients").header("Authorization", bearer("editor"))).getStatus())
			.isEqualTo(403);
	}

	// --- helpers

	private MockHttpServletRequestBuilder form(String url, String key) {
		MockHttpServletRequestBuilder request = post(url).contentType(MediaType.APPLICATION_FORM_URLENCODED);
		return key == null ? request : request.param("api_key", key);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

	private String bearer(String username) throws Exception {
		String token = tokens.get(username);
		if (token == null) {
			token = "Bearer " + Tokens.of(mvc, username);
			tokens.put(username, token);
		}
		return token;
	}

	/**
	 * The spec's errors: status, format, one entry per problem with the HTTP code; the
	 * descriptions, one of which names {@code field} if given.
	 */
	private List<String> errors(MockHttpServletResponse response, int status, String format, String... field)
			throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		assertThat(response.getContentType()).doesNotContain("problem");
		List<String> descriptions = new ArrayList<>();
		if (format.equals("xml")) {
			Element errors = xml(response, status, "errors");
			for (Element error : elements(errors, "error")) {
				assertThat(children(error)).containsExactly("code", "description");
				assertThat(text(error, "code")).isEqualTo(String.valueOf(status));
				descriptions.add(text(error, "description"));
			}
		}
		else {
			JsonNode errors = json(response, status);
			assertThat(errors.isArray()).isTrue();
			for (JsonNode error : errors) {
				assertThat(fields(error)).containsExactly("code", "description");
				assertThat(error.get("code").isInt()).isTrue();
				assertThat(error.get("code").asInt()).isEqualTo(status);
				descriptions.add(error.get("description").asText());
			}
		}
		assertThat(descriptions).isNotEmpty().allSatisfy(d -> assertThat(d).isNotBlank().doesNotContain("complaint."));
		if (field.length > 0) {
			assertThat(descriptions).anySatisfy(d -> assertThat(d).startsWith(field[0] + ":"));
		}
		return descriptions;
	}

	private static Element xml(MockHttpServletResponse response, int status, String root) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		assertThat(response.getContentType()).startsWith("text/xml").containsIgnoringCase("utf-8");
		byte[] body = response.getContentAsByteArray();
		assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
		Element element = document.getDocumentElement();
		assertThat(element.getTagName()).isEqualTo(root);
		return element;
	}

	private static JsonNode json(MockHttpServletResponse response, int status) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		assertThat(response.getContentType()).startsWith("application/json");
		return JSON.readTree(response.getContentAsByteArray());
	}

	private static List<String> children(Element element) {
		List<String> names = new ArrayList<>();
		for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				names.add(e.getTagName());
			}
		}
		return names;
	}

	private static List<Element> elements(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				assertThat(e.getTagName()).as("every child of <%s>", parent.getTagName()).isEqualTo(name);
				found.add(e);
			}
		}
		return found;
	}

	private static Element only(Element parent, String name) {
		List<Element> found = elements(parent, name);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static Element child(Element parent, String name) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && e.getTagName().equals(name)) {
				return e;
			}
		}
		throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
	}

	private static String text(Element parent, String name) {
		return child(parent, name).getTextContent();
	}

	private static List<String> fields(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
