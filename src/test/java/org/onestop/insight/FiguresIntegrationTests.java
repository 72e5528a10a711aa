package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.insight.SampleFigureSources.Sample;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page, the staff's page and the open data over one month of the sample source: small
 * cells and their siblings suppressed in public (not for staff), the exports the same
 * numbers as the page, the month checked.
 */
@IntegrationTest
class FiguresIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FigureRefresh refresh;

	@Autowired
	Figures figures;

	@Autowired
	@Qualifier("sampleFigureSource")
	Sample sample;

	YearMonth month;

	@BeforeEach
	void oneMonthOfSampleFigures() {
		sample.reset();
		month = figures.month(null);
		sample.changed.add(month);
		sample.figures.put(month,
				List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 20), visits(Scope.CITY, "", ChannelGroup.ONLINE, 17),
						visits(Scope.CITY, "", ChannelGroup.OFFLINE, 3),
						visits(Scope.DEPARTMENT, "CA", ChannelGroup.ALL, 12),
						visits(Scope.DEPARTMENT, "CA", ChannelGroup.ONLINE, 6),
						visits(Scope.DEPARTMENT, "CA", ChannelGroup.OFFLINE, 6),
						visits(Scope.DEPARTMENT, "PS", ChannelGroup.ALL, 4),
						visits(Scope.DEPARTMENT, "PS", ChannelGroup.ONLINE, 4),
						visits(Scope.DEPARTMENT, "PS", ChannelGroup.OFFLINE, 0),
						new Figure("sample.share", Scope.DEPARTMENT, "CA", ChannelGroup.ALL, 0.45678, 8),
						new Figure("sample.first", Scope.MATTER, "SAMPLE-1", ChannelGroup.ALL, 6.0, 6),
						new Figure("sample.again", Scope.MATTER, "SAMPLE-1", ChannelGroup.ALL, 3.0, 3),
						visits(Scope.MATTER, "SAMPLE-1", ChannelGroup.ALL, 9)));
		refresh.refreshAll("test-node");
	}

	@Test
	void thePublicSeesSmallCellsAndTheirSiblingsSuppressedAndStaffSeeEverything() throws Exception {
		String json = api("/api/v1/figures/departments?month=" + month, "application/json").getContentAsString();
		assertThat(line(json, "sample.visits", "CA", "OFFLINE")).containsEntry("value", 6.0)
			.containsEntry("cases", 6)
			.containsEntry("suppressed", false);
		// The city's 20 less CA's 12 would give PS's 4 away: CA's total goes too, and
		// then
		// its online 6, which CA's total less its offline would give away.
		assertThat(line(json, "sample.visits", "CA", "ALL")).containsEntry("suppressed", true);
		assertThat(line(json, "sample.visits", "CA", "ONLINE")).containsEntry("suppressed", true);
		assertThat(line(json, "sample.visits", "PS", "ALL")).containsEntry("value", null)
			.containsEntry("cases", null)
			.containsEntry("suppressed", true);
		Document page = page("/figures?month=" + month, null);
		// The city's offline 3 is hidden, and so is online 17, which 20 - 17 would give
		// away.
		Element trend = row(page, "m-sample-visits-trend", month.toString());
		assertThat(trend.selectFirst("td[data-channel=ALL]").text()).isEqualTo("20");
		assertThat(trend.selectFirst("td[data-channel=ONLINE]").text()).isEqualTo("Fewer than 5");
		assertThat(trend.selectFirst("td[data-channel=OFFLINE]").text()).isEqualTo("Fewer than 5");
		Document departments = page("/figures/departments?month=" + month + "&section=sample", null);
		assertThat(row(departments, "m-sample-visits-departments", "PS").selectFirst("td[data-channel=ALL]").text())
			.isEqualTo("Fewer than 5");

		Document staff = page("/staff/figures/departments?month=" + month + "&section=sample", session("admin"));
		assertThat(row(staff, "m-sample-visits-departments", "PS").selectFirst("td[data-channel=ALL]").text())
			.isEqualTo("4");
		staff = page("/staff/figures?month=" + month, session("admin"));
		assertThat(row(staff, "m-sample-visits-trend", month.toString()).selectFirst("td[data-channel=OFFLINE]").text())
			.isEqualTo("3");
	}

	@Test
	void theExportsHoldTheSameNumbersAsThePage() throws Exception {
		Document overview = page("/figures?month=" + month, null);
		for (String scope : List.of("departments", "matters")) {
			Document page = page("/figures/" + scope + "?month=" + month + "&section=sample", null);
			String json = api("/api/v1/figures/" + scope + "?month=" + month, "application/json").getContentAsString();
			List<Map<String, Object>> lines = JsonPath.read(json, "$[?(@.measure =~ /sample\\..*/)]");
			assertThat(lines).isNotEmpty();
			String csv = api("/api/v1/figures/" + scope + ".csv?month=" + month, null).getContentAsString();
			String negotiated = api("/api/v1/figures/" + scope + "?month=" + month, "text/csv").getContentAsString();
			assertThat(negotiated).isEqualTo(csv);
			for (Map<String, Object> line : lines) {
				String id = "m-" + ((String) line.get("measure")).replace('.', '-') + "-" + scope;
				String shown = row(page, id, (String) line.get("subject"))
					.selectFirst("td[data-channel=" + line.get("channel") + "]")
					.text();
				boolean suppressed = (Boolean) line.get("suppressed");
				Number value = (Number) line.get("value");
				String expected = suppressed ? "Fewer than 5"
						: value == null ? "No cases"
								: line.get("measure").equals("sample.share")
										? String.format("%.1f%%", value.doubleValue() * 100)
										: String.valueOf(value.longValue());
				assertThat(shown).as(line.toString()).isEqualTo(expected);
				String csvLine = String.join(",", (String) line.get("month"), (String) line.get("measure"),
						(String) line.get("measureName"), (String) line.get("subject"),
						(String) line.get("subjectName"), (String) line.get("channel"),
						value == null ? ""
								: new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString(),
						line.get("cases") == null ? "" : line.get("cases").toString(), suppressed ? "suppressed" : "");
				assertThat(csv).contains(csvLine + "\r\n");
			}
		}
		assertThat(overview.select("[data-measure=sample.visits] .onestop-figures__chart[aria-hidden=true]"))
			.hasSize(1);
		assertThat(overview.text()).contains("Visits counted by the test-only sample source.");
	}

	@Test
	void theCsvIsCsvAndCachedForAFewMinutes() throws Exception {
		MockHttpServletResponse csv = api("/api/v1/figures/departments.csv?month=" + month, null);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Cache-Control")).contains("max-age=300");
		assertThat(csv.getContentAsString())
			.startsWith("month,measure,measure_name,subject,subject_name,channel,value,cases,suppressed\r\n");
		assertThat(api("/api/v1/figures/departments?month=" + month, "*/*").getContentType())
			.startsWith("application/json");
	}

	@Test
	void aBadOrFutureMonthIsRefusedBesideMonth() throws Exception {
		for (String bad : List.of("2026-13", "26-11", "x", figures.currentMonth().plusMonths(1).toString(),
				figures.currentMonth().minusMonths(25).toString())) {
			MockHttpServletResponse response = api("/api/v1/figures/matters?month=" + bad, "application/json");
			assertThat(response.getStatus()).as(bad).isEqualTo(400);
			assertThat(JsonPath.<String>read(response.getContentAsString(), "$.errors[0].field")).isEqualTo("month");
		}
		Document page = page("/figures?month=2026-13", null);
		assertThat(page.selectFirst("#month-error").text()).contains("for example 2026-11");
	}

	@Test
	void theChinesePageNamesEverythingInChinese() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/figures?month=" + month).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse();
		String html = response.getContentAsString();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(html).contains("示例来访量", "少于 5 件", "示例栏目")
			.doesNotContain("figures.measure", "figures.section", "figures.cell", "figures.unit");
	}

	@Test
	void theStaffPageIsForHeadsAdministratorsAuditorsAndSupervisorsOnly() throws Exception {
		assertThat(mvc.perform(get("/staff/figures")).andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(
				mvc.perform(get("/staff/figures").cookie(session("clerk.civil"))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get("/staff/figures").cookie(session("auditor"))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		// A head sees their own department, whatever they ask for.
		Document head = page("/staff/figures/departments?month=" + month + "&department=PS&section=sample",
				session("head.civil"));
		assertThat(head.select("#m-sample-visits-departments tr[data-subject]")).extracting(e -> e.attr("data-subject"))
			.containsExactly("CA");
	}

	@Test
	void aDeclaredPartIsNotLeftAloneInItsSum() throws Exception {
		String json = api("/api/v1/figures/matters?month=" + month, "application/json").getContentAsString();
		// SAMPLE-1's 9 visits are first 6 + again 3: with only the 3 hidden, 9 - 6 would
		// give it away.
		assertThat(line(json, "sample.visits", "SAMPLE-1", "ALL")).containsEntry("suppressed", false);
		assertThat(line(json, "sample.again", "SAMPLE-1", "ALL")).containsEntry("suppressed", true);
		assertThat(line(json, "sample.first", "SAMPLE-1", "ALL")).containsEntry("suppressed", true)
			.containsEntry("value", null);
	}

	@Test
	void theOverviewKeepsToTheCityAndTheTablesHaveTheirOwnPages() throws Exception {
		Document overview = page("/figures?month=" + month, null);
		assertThat(overview.select("#m-sample-visits-trend")).hasSize(1);
		assertThat(overview.select("#m-sample-visits-departments, #m-sample-visits-matters")).isEmpty();
		assertThat(overview.select("a[href^=/figures/departments?month=" + month + "&section=sample]")).isNotEmpty();
		Document matters = page("/figures/matters?month=" + month + "&section=sample", null);
		assertThat(matters.select("#m-sample-visits-matters tr[data-subject=SAMPLE-1]")).hasSize(1);
		assertThat(matters.select("#m-sample-visits-departments, #m-sample-visits-trend, [data-chart]")).isEmpty();
		// An unknown section shows the first that has tables.
		assertThat(page("/figures/matters?month=" + month + "&section=nothing", null).select("h2[id^=section-]"))
			.hasSize(1);
	}

	@Test
	void anAcceptNeitherJsonNorCsvIs406AndQualityDecides() throws Exception {
		MockHttpServletResponse xml = api("/api/v1/figures/matters?month=" + month, "application/xml");
		assertThat(xml.getStatus()).isEqualTo(406);
		assertThat(
				api("/api/v1/figures/departments?month=" + month, "text/csv;q=0.1, application/json").getContentType())
			.startsWith("application/json");
		assertThat(
				api("/api/v1/figures/departments?month=" + month, "application/json;q=0.1, text/csv").getContentType())
			.startsWith("text/csv");
		assertThat(api("/api/v1/figures/departments?month=" + month, null).getContentType())
			.startsWith("application/json");
		MockHttpServletResponse problem = api("/api/v1/figures/matters?month=" + month,
				"application/xml, application/problem+json");
		assertThat(problem.getStatus()).isEqualTo(406);
		assertThat(problem.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void theExportsAndThePublicPageCarryAnEtag() throws Exception {
		MockHttpServletResponse first = api("/api/v1/figures/matters.csv?month=" + month, null);
		String etag = first.getHeader("ETag");
		assertThat(etag).isNotBlank();
		MockHttpServletResponse again = mvc
			.perform(get("/api/v1/figures/matters.csv?month=" + month).header("Accept-Language", "en")
				.header("If-None-Match", etag))
			.andReturn()
			.getResponse();
		assertThat(again.getStatus()).isEqualTo(304);
		MockHttpServletResponse page = mvc.perform(get("/figures?month=" + month).header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
		assertThat(page.getHeader("ETag")).isNotBlank();
		assertThat(page.getHeader("Cache-Control")).contains("no-cache");
	}

	static Figure visits(Scope scope, String subject, ChannelGroup channel, long n) {
		return new Figure("sample.visits", scope, subject, channel, (double) n, n);
	}

	private final Map<String, Cookie> sessions = new HashMap<>();

	private Cookie session(String username) throws Exception {
		Cookie cookie = sessions.get(username);
		if (cookie == null) {
			cookie = mvc
				.perform(post("/sign-in").with(csrf()).param("username", username).param("password", "demo12345"))
				.andReturn()
				.getResponse()
				.getCookie("ONESTOP_SESSION");
			assertThat(cookie).as(username).isNotNull();
			sessions.put(username, cookie);
		}
		return cookie;
	}

	private MockHttpServletResponse api(String path, String accept) throws Exception {
		var request = get(path).header("Accept-Language", "en");
		if (accept != null) {
			request = request.header("Accept", accept);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private Document page(String path, Cookie session) throws Exception {
		var request = get(path).header("Accept-Language", "en");
		if (session != null) {
			request = request.cookie(session);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private static Element row(Document page, String table, String subject) {
		Element row = page.selectFirst("#" + table + " tr[data-subject=" + subject + "]");
		assertThat(row).as(table + " " + subject).isNotNull();
		return row;
	}

	private static Map<String, Object> line(String json, String measure, String subject, String channel) {
		List<Map<String, Object>> lines = JsonPath.read(json, "$[?(@.measure == '" + measure + "' && @.subject == '"
				+ subject + "' && @.channel == '" + channel + "')]");
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

}
