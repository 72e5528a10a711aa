package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.insight.ChannelGroup;
import org.onestop.insight.Figure;
import org.onestop.insight.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The complaints' figure source against the rows: every department's and the city's three
 * rates, online, offline and all, recounted with plain SQL over the base tables, and the
 * "all" rates equal to the complaint module's own figures.
 */
@IntegrationTest
class ComplaintFigureSourceIntegrationTests {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	@Autowired
	ComplaintFigureSource source;

	@Autowired
	ComplaintFigures complaintFigures;

	@Autowired
	JdbcClient db;

	@Autowired
	TestClock clock;

	@BeforeEach
	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void everyRateIsRecountedFromTheRows() {
		// A month of its own: ComplaintFiguresIntegrationTests counts May 2024 exactly.
		YearMonth month = YearMonth.of(2023, 8);
		Instant due = month.atDay(10).atTime(10, 0).atZone(CITY).toInstant();
		UUID web = complaint("CA", "WEB", due, due.minusSeconds(60));
		UUID phone = complaint("CA", "HOTLINE", due, null);
		complaint("CA", "HOTLINE", due, due.minusSeconds(60));
		UUID ps = complaint("PS", "MOBILE_WEB", due, due.plusSeconds(60));
		verdict(web, true, 5, due.plusSeconds(86400), "CA");
		verdict(phone, false, 2, due.plusSeconds(86400), "CA");
		verdict(ps, true, null, due.plusSeconds(86400), "PS");

		assertThat(source.monthsChangedSince(null)).contains(month);
		assertThat(source.monthsChangedSince(Instant.now().plusSeconds(3600))).doesNotContain(month);
		List<Figure> computed = source.compute(month);

		Instant start = month.atDay(1).atStartOfDay(CITY).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(CITY).toInstant();
		Map<String, Double> expected = new HashMap<>();
		Map<String, Long> cases = new HashMap<>();
		for (String group : List.of("ALL", "ONLINE", "OFFLINE")) {
			String channels = switch (group) {
				case "ONLINE" -> "{WEB,MOBILE_WEB,OPEN311,DELEGATED}";
				case "OFFLINE" -> "{COUNTER,HOTLINE,KIOSK}";
				default -> "{WEB,MOBILE_WEB,OPEN311,DELEGATED,COUNTER,HOTLINE,KIOSK}";
			};
			for (String department : departments()) {
				long[] r = db.sql("""
						SELECT count(*), count(*) FILTER (WHERE first_contacted_at <= first_contact_due) FROM complaint
						WHERE merged_into IS NULL AND first_contact_due >= :start AND first_contact_due < :end
						  AND coalesce(lead_department, 'DC') = :d AND contact_channel = ANY (CAST(:c AS text[]))""")
					.param("start", Timestamp.from(start))
					.param("end", Timestamp.from(end))
					.param("d", department)
					.param("c", channels)
					.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
					.single();
				long[] v = db
					.sql("""
							SELECT count(*), count(*) FILTER (WHERE solved), count(rating), count(*) FILTER (WHERE rating >= 4)
							FROM complaint_verdict v JOIN complaint c ON c.id = v.complaint_id
							WHERE v.given_at >= :start AND v.given_at < :end AND v.department = :d
							  AND c.contact_channel = ANY (CAST(:c AS text[]))
							  AND NOT EXISTS (SELECT 1 FROM complaint_verdict later WHERE later.complaint_id = v.complaint_id
							      AND later.given_at >= :start AND later.given_at < :end
							      AND (later.round, later.given_at) > (v.round, v.given_at))""")
					.param("start", Timestamp.from(start))
					.param("end", Timestamp.from(end))
					.param("d", department)
					.param("c", channels)
					.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
					.single();
				put(expected, cases, "complaints.response-rate", department, group, r[1], r[0]);
				put(expected, cases, "complaints.resolution-rate", department, group, v[1], v[0]);
				put(expected, cases, "complaints.satisfaction-rate", department, group, v[3], v[2]);
			}
		}
		for (Figure f : computed) {
			if (f.scope() != Scope.DEPARTMENT) {
				continue;
			}
			String key = f.measure() + "|" + f.subject() + "|" + f.channel();
			if (cases.containsKey(key)) {
				assertThat(f.cases()).as(key).isEqualTo(cases.get(key));
				assertThat(f.value()).as(key).isEqualTo(expected.get(key));
			}
			else {
				assertThat(f.cases()).as(key).isZero();
			}
		}
		assertThat(find(computed, "complaints.response-rate", "CA", ChannelGroup.OFFLINE).value()).isEqualTo(0.5);
		assertThat(find(computed, "complaints.response-rate", "CA", ChannelGroup.ONLINE).value()).isEqualTo(1.0);
		assertThat(find(computed, "complaints.satisfaction-rate", "PS", ChannelGroup.ALL).value()).isNull();

		// "All" is the complaint module's own three rates, to the same decimal.
		for (ComplaintFigures.Row row : complaintFigures.of(month, Locale.ENGLISH)) {
			assertThat(percent(find(computed, "complaints.response-rate", row.department(), ChannelGroup.ALL)))
				.isEqualTo(row.responseRate());
			assertThat(percent(find(computed, "complaints.resolution-rate", row.department(), ChannelGroup.ALL)))
				.isEqualTo(row.resolutionRate());
			assertThat(percent(find(computed, "complaints.satisfaction-rate", row.department(), ChannelGroup.ALL)))
				.isEqualTo(row.satisfactionRate());
		}
		// The city is the sum of its departments.
		long cityDue = computed.stream()
			.filter(f -> f.measure().equals("complaints.response-rate") && f.scope() == Scope.DEPARTMENT
					&& f.channel() == ChannelGroup.ALL)
			.mapToLong(Figure::cases)
			.sum();
		assertThat(computed)
			.filteredOn(f -> f.scope() == Scope.CITY && f.measure().equals("complaints.response-rate")
					&& f.channel() == ChannelGroup.ALL)
			.singleElement()
			.extracting(Figure::cases)
			.isEqualTo(cityDue);
	}

	private List<String> departments() {
		return db.sql("SELECT code FROM identity_department UNION SELECT 'DC'").query(String.class).list();
	}

	private static void put(Map<String, Double> expected, Map<String, Long> cases, String measure, String department,
			String group, long count, long of) {
		if (of == 0) {
			return;
		}
		expected.put(measure + "|" + department + "|" + group, (double) count / of);
		cases.put(measure + "|" + department + "|" + group, of);
	}

	private static Figure find(List<Figure> figures, String measure, String department, ChannelGroup channel) {
		return figures.stream()
			.filter(f -> f.measure().equals(measure) && f.scope() == Scope.DEPARTMENT && f.subject().equals(department)
					&& f.channel() == channel)
			.findFirst()
			.orElseThrow();
	}

	private static BigDecimal percent(Figure f) {
		return f.value() == null ? null
				: BigDecimal.valueOf(f.cases() == 0 ? 0 : Math.round(f.value() * f.cases()))
					.multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(f.cases()), 1, RoundingMode.HALF_UP);
	}

	UUID complaint(String lead, String contactChannel, Instant contactDue, Instant contactedAt) {
		UUID id = UUID.randomUUID();
		Instant received = contactDue.minusSeconds(7200);
		db.sql("""
				INSERT INTO complaint (id, tracking_code, channel, contact_channel, category_code, description, urgency_tier,
				                       status, lead_department, received_at, dispatched_at, first_contact_due,
				                       first_contacted_at)
				VALUES (:id, :code, :channel, :contact, 'ENV-NOISE-NEIGHBOUR', 'figure source test', 'GENERAL_7D',
				        'IN_PROGRESS', :lead, :received, :received, :due, :contacted)""")
			.param("id", id)
			.param("code", "S" + id.toString().substring(0, 8).toUpperCase())
			.param("channel", contactChannel.equals("HOTLINE") ? "PHONE" : "WEB")
			.param("contact", contactChannel)
			.param("lead", lead)
			.param("received", Timestamp.from(received))
			.param("due", Timestamp.from(contactDue))
			.param("contacted", contactedAt == null ? null : Timestamp.from(contactedAt))
			.update();
		return id;
	}

	void verdict(UUID complaint, boolean solved, Integer rating, Instant at, String department) {
		db.sql("""
				INSERT INTO complaint_verdict (id, complaint_id, round, solved, rating, channel, given_at, department)
				VALUES (:id, :complaint, 0, :solved, :rating, 'CITIZEN', :at, :department)""")
			.param("id", UUID.randomUUID())
			.param("complaint", complaint)
			.param("solved", solved)
			.param("rating", rating)
			.param("at", Timestamp.from(at))
			.param("department", department)
			.update();
	}

}
