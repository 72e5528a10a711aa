package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterDefinition;
import org.onestop.insight.Figure;
import org.onestop.insight.Scope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure the applications' source computes for a month equals the same figure
 * recomputed here from the base rows with plain SQL (no GROUPING SETS, no view but the
 * burden's own per-application definition of documents), for the city, every department
 * and matter, and all channels, online and offline. The month (March 2019, city time) is
 * one no other test writes.
 */
@IntegrationTest
class ApplicationFiguresRecomputedIntegrationTests {

	static final YearMonth MONTH = YearMonth.of(2019, 3);

	static final List<String> MATTERS = List.of("PS-HH-001", "HU-PF-001", "HE-REG-001");

	@Autowired
	ApplicationFigureSource source;

	@Autowired
	ApplicationFigureQueries queries;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient db;

	@Test
	void everyFigureOfTheMonthIsItsRecomputationFromTheRows() {
		Map<String, MatterDefinition> matters = new TreeMap<>();
		catalog.cachedMatters(MATTERS).forEach(m -> matters.put(m.code(), m.definition()));
		assertThat(matters).hasSize(3);
		makeTheMonth(matters);

		Map<String, String> computed = byKey(source.compute(MONTH)
			.stream()
			.filter(f -> !f.measure().endsWith("fully-online") && !f.measure().endsWith("time-limit-saved"))
			.toList());
		Map<String, String> recomputed = recompute(matters);

		assertThat(computed).isEqualTo(recomputed);
		assertThat(computed).containsEntry("applications.submitted|CITY||ALL", "10.0000/10")
			.containsEntry("applications.completion-rate|CITY||ALL", "0.5455/11")
			.containsKey("applications.rejections-reversed|MATTER|PS-HH-001|OFFLINE")
			.containsEntry("applications.staff-minutes|CITY||ALL", "47.5000/2");
		assertThat(source.monthsChangedSince(Instant.parse("2019-01-01T00:00:00Z"))).contains(MONTH);

		// The month's computation does not read the view (too slow at scale): its
		// documents, rejections and trips per application are the view's, so the two
		// definitions cannot drift apart.
		Instant from = OffsetDateTime.parse("2019-03-01T00:00:00+08:00").toInstant();
		Instant to = OffsetDateTime.parse("2019-04-01T00:00:00+08:00").toInstant();
		Map<UUID, List<Integer>> view = new java.util.HashMap<>();
		db.sql("""
				SELECT application_id, documents_uploaded, documents_reused, rejections, trips FROM application_burden
				WHERE submitted_at >= :from AND submitted_at < :to""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				view.put(rs.getObject(1, UUID.class), List.of(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
			});
		assertThat(queries.burdenOfMonth(from, to)).hasSize(10).isEqualTo(view);
		// The counter scan named by two applications: uploaded for the first, reused by
		// the second.
		assertThat(view.values()).contains(List.of(1, 0, 1, 3), List.of(0, 1, 1, 1));
	}

	@Test
	void theCatalogsPromisesAreCountedInPublishedMatters() {
		List<MatterDefinition> published = catalog
			.cachedMatters(catalog.editorial().stream().map(e -> e.latest().code()).toList())
			.stream()
			.map(Matter::definition)
			.toList();
		Figure fullyOnline = source.compute(MONTH)
			.stream()
			.filter(f -> f.measure().equals("applications.fully-online") && f.scope() == Scope.CITY)
			.findFirst()
			.orElseThrow();
		long online = published.stream().filter(m -> m.channel() == MatterDefinition.Channel.ONLINE).count();
		assertThat(fullyOnline.cases()).isEqualTo(published.size());
		assertThat(fullyOnline.value()).isCloseTo((double) online / published.size(),
				org.assertj.core.data.Offset.offset(1e-9));
	}

	/**
	 * Ten applications submitted in the month (one on its first city morning), two
	 * drafts.
	 */
	private void makeTheMonth(Map<String, MatterDefinition> matters) {
		UUID old = document("UPLOADED", "2019-01-05T10:00:00+08:00");
		UUID fresh = document("UPLOADED", "2019-03-09T10:00:00+08:00");
		UUID scan = document("COUNTER", "2019-03-02T09:10:00+08:00");
		String hh = "PS-HH-001";
		String pf = "HU-PF-001";
		String reg = "HE-REG-001";
		// The first city morning of March is still February in UTC.
		UUID a1 = application(matters.get(hh), "WEB", "APPROVED", "2019-03-01T05:00:00+08:00",
				"2019-03-01T06:00:00+08:00", "2019-03-05T10:00:00+08:00", 3, 0, "{\"a\":1,\"b\":2,\"c\":3}",
				"{\"a\":\"R\"}", "[\"" + old + "\",\"" + fresh + "\"]");
		UUID a2 = application(matters.get(hh), "COUNTER", "APPROVED", "2019-03-02T09:00:00+08:00",
				"2019-03-02T09:30:00+08:00", "2019-03-20T10:00:00+08:00", 12, 1, "{\"a\":1,\"b\":2}", "{}",
				"[\"" + scan + "\"]");
		event(a2, "REJECTION_HELD");
		task(a1, "2019-03-02T09:00:00+08:00", "2019-03-02T09:10:00+08:00", "2019-03-02T09:40:00+08:00");
		task(a1, "2019-03-03T09:00:00+08:00", null, "2019-03-03T09:05:00+08:00");
		task(a2, "2019-03-03T09:00:00+08:00", "2019-03-04T09:00:00+08:00", "2019-03-04T10:00:00+08:00");
		// Still open: not counted.
		task(a2, "2019-03-05T09:00:00+08:00", "2019-03-05T09:00:00+08:00", null);
		trip(a2, true);
		trip(a2, true);
		trip(a2, false);
		UUID a3 = application(matters.get(hh), "COUNTER", "REJECTED", "2019-03-03T09:00:00+08:00",
				"2019-03-03T09:30:00+08:00", "2019-03-10T10:00:00+08:00", 5, 0, "{\"a\":1}", "{\"a\":\"R\"}",
				"[\"" + scan + "\"]");
		event(a3, "REJECTION_HELD");
		event(a3, "REJECTED");
		trip(a3, true);
		application(matters.get(pf), "MOBILE_WEB", "IN_REVIEW", "2019-03-04T09:00:00+08:00",
				"2019-03-04T09:30:00+08:00", null, null, 2, "{\"a\":1,\"b\":2}", "{\"a\":\"R\",\"b\":\"R\"}", "[]");
		application(matters.get(pf), "DELEGATED", "APPROVED", "2019-03-05T09:00:00+08:00", "2019-03-05T09:30:00+08:00",
				"2019-04-02T10:00:00+08:00", 20, 0, "{}", "{}", "[\"" + old + "\"]");
		application(matters.get(pf), "HOTLINE", "REJECTED", "2019-03-06T09:00:00+08:00", "2019-03-06T09:30:00+08:00",
				"2019-03-08T10:00:00+08:00", 2, 1, "{\"a\":1}", "{}", "[]");
		application(matters.get(reg), "KIOSK", "SUBMITTED", "2019-03-07T09:00:00+08:00", "2019-03-07T09:30:00+08:00",
				null, null, 0, "{\"a\":1}", "{}", "[]");
		application(matters.get(reg), "WEB", "APPROVED", "2019-03-08T09:00:00+08:00", "2019-03-08T09:30:00+08:00",
				"2019-03-09T10:00:00+08:00", 1, 0, "{\"a\":1}", "{\"a\":\"R\"}", "[]");
		application(matters.get(reg), "OPEN311", "WITHDRAWN", "2019-03-09T09:00:00+08:00", "2019-03-09T09:30:00+08:00",
				null, null, 0, "{}", "{}", "[]");
		// Started in February, submitted in March: counted in March's burden, not its
		// completion rate.
		application(matters.get(reg), "WEB", "APPROVED", "2019-02-20T09:00:00+08:00", "2019-03-10T09:30:00+08:00",
				"2019-03-12T10:00:00+08:00", 1, 0, "{\"a\":1}", "{}", "[]");
		application(matters.get(hh), "WEB", "DRAFT", "2019-03-11T09:00:00+08:00", null, null, null, 0, "{}", "{}",
				"[]");
		application(matters.get(pf), "COUNTER", "DRAFT", "2019-03-31T23:00:00+08:00", null, null, null, 0, "{}", "{}",
				"[]");
		// Submitted on the first city morning of April: not March's.
		application(matters.get(pf), "WEB", "SUBMITTED", "2019-04-01T01:00:00+08:00", "2019-04-01T02:00:00+08:00", null,
				null, 0, "{}", "{}", "[]");
	}

	private Map<String, String> recompute(Map<String, MatterDefinition> matters) {
		Instant from = OffsetDateTime.parse("2019-03-01T00:00:00+08:00").toInstant();
		Instant to = OffsetDateTime.parse("2019-04-01T00:00:00+08:00").toInstant();
		String[] codes = matters.keySet().toArray(String[]::new);
		Integer[] promised = matters.values().stream().map(MatterDefinition::promisedDays).toArray(Integer[]::new);
		Integer[] maxTrips = matters.values().stream().map(MatterDefinition::maxTrips).toArray(Integer[]::new);
		var rows = db.sql(RECOMPUTED)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("codes", codes)
			.param("promised", promised)
			.param("maxTrips", maxTrips)
			.query((rs, n) -> new Figure(rs.getString("measure"), Scope.valueOf(rs.getString("scope")),
					rs.getString("subject"), org.onestop.insight.ChannelGroup.valueOf(rs.getString("channel")),
					(Double) rs.getObject("value"), rs.getLong("cases")))
			.list();
		return byKey(rows);
	}

	private static Map<String, String> byKey(List<Figure> figures) {
		Map<String, String> keyed = new TreeMap<>();
		for (Figure f : figures) {
			String previous = keyed.put(f.measure() + "|" + f.scope() + "|" + f.subject() + "|" + f.channel(),
					(f.value() == null ? "-" : String.format("%.4f", f.value())) + "/" + f.cases());
			assertThat(previous).as("one figure per measure, scope, subject and channel").isNull();
		}
		return keyed;
	}

	/**
	 * Each application spread over its three scopes and two channel groups, grouped
	 * plainly, then unpivoted into one row per figure.
	 */
	static final String RECOMPUTED = """
			WITH a AS (
			    SELECT a.id, a.department, a.service_code, a.status, a.working_days_to_decision AS days,
			           CASE WHEN a.channel IN ('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED') THEN 'ONLINE' ELSE 'OFFLINE' END
			               AS grp,
			           (SELECT count(*) FROM jsonb_object_keys(a.sources)) AS prefilled,
			           (SELECT count(*) FROM jsonb_object_keys(a.fields)) AS fields,
			           (SELECT count(*) FROM application_trip t WHERE t.application_id = a.id) AS trips,
			           (SELECT count(*) FROM application_trip t WHERE t.application_id = a.id AND t.ticket IS NOT NULL)
			               AS visits,
			           b.documents_uploaded AS uploaded, b.documents_reused AS reused, a.supplement_rounds AS rounds,
			           greatest((SELECT count(*) FROM application_event e WHERE e.application_id = a.id AND e.kind = 'REJECTED'),
			                    (SELECT count(*) FROM application_event e
			                     WHERE e.application_id = a.id AND e.kind = 'REJECTION_HELD')) AS rejections,
			           a.status = 'APPROVED' AND EXISTS (SELECT 1 FROM application_event e
			               WHERE e.application_id = a.id AND e.kind = 'REJECTION_HELD') AS reversed,
			           m.promised, m.max_trips
			    FROM application a JOIN application_burden b ON b.application_id = a.id
			    LEFT JOIN unnest(CAST(:codes AS text[]), CAST(:promised AS int[]), CAST(:maxTrips AS int[]))
			        AS m(code, promised, max_trips) ON m.code = a.service_code
			    WHERE a.submitted_at >= :from AND a.submitted_at < :to
			), s AS (
			    SELECT a.*, x.scope, x.subject, c.channel FROM a
			    CROSS JOIN LATERAL (VALUES ('CITY', ''), ('DEPARTMENT', a.department), ('MATTER', a.service_code))
			        AS x(scope, subject)
			    CROSS JOIN LATERAL (VALUES ('ALL'), (a.grp)) AS c(channel)
			), g AS (
			    SELECT scope, subject, channel, count(*) AS n, count(days) AS decided,
			           percentile_disc(0.5) WITHIN GROUP (ORDER BY days) AS median,
			           percentile_disc(0.9) WITHIN GROUP (ORDER BY days) AS p90,
			           sum(promised)::float / count(promised) AS promised, count(promised) AS with_promise,
			           count(*) FILTER (WHERE days <= promised)::float
			               / nullif(count(*) FILTER (WHERE days IS NOT NULL AND promised IS NOT NULL), 0) AS within,
			           count(*) FILTER (WHERE days IS NOT NULL AND promised IS NOT NULL) AS decided_with_promise,
			           sum(trips)::float / count(*) AS trips,
			           count(*) FILTER (WHERE trips > max_trips)::float / nullif(count(max_trips), 0) AS over_max,
			           count(max_trips) AS with_max,
			           sum(prefilled)::float / nullif(sum(fields), 0) AS prefilled,
			           sum(uploaded)::float / count(*) AS uploaded, sum(reused)::float / count(*) AS reused,
			           sum(rounds)::float / count(*) AS rounds, sum(rejections) AS rejections,
			           count(*) FILTER (WHERE rejections > 0) AS rejected, count(*) FILTER (WHERE reversed) AS reversed,
			           sum(reused + prefilled)::float / nullif(sum(reused + uploaded + fields), 0) AS spared,
			           sum(visits)::float / count(*) AS visits
			    FROM s GROUP BY scope, subject, channel
			), started AS (
			    SELECT x.scope, x.subject, c.channel, count(*) AS n,
			           count(*) FILTER (WHERE a.status IN ('APPROVED', 'REJECTED'))::float / count(*) AS rate
			    FROM application a
			    CROSS JOIN LATERAL (VALUES ('CITY', ''), ('DEPARTMENT', a.department), ('MATTER', a.service_code))
			        AS x(scope, subject)
			    CROSS JOIN LATERAL (VALUES ('ALL'), (CASE WHEN a.channel IN ('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED')
			        THEN 'ONLINE' ELSE 'OFFLINE' END)) AS c(channel)
			    WHERE a.created_at >= :from AND a.created_at < :to
			    GROUP BY x.scope, x.subject, c.channel
			), completed AS (
			    SELECT x.scope, x.subject, c.channel, count(*) AS n,
			           count(*) FILTER (WHERE a.channel IN ('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED'))::float / count(*)
			               AS take_up
			    FROM application a
			    CROSS JOIN LATERAL (VALUES ('CITY', ''), ('DEPARTMENT', a.department), ('MATTER', a.service_code))
			        AS x(scope, subject)
			    CROSS JOIN LATERAL (VALUES ('ALL'), (CASE WHEN a.channel IN ('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED')
			        THEN 'ONLINE' ELSE 'OFFLINE' END)) AS c(channel)
			    WHERE a.decided_at >= :from AND a.decided_at < :to AND a.status IN ('APPROVED', 'REJECTED')
			    GROUP BY x.scope, x.subject, c.channel
			)
			SELECT g.scope, g.subject, g.channel, v.measure, v.value, v.cases FROM g CROSS JOIN LATERAL (VALUES
			    ('applications.submitted', g.n::float, g.n), ('applications.decided', g.decided::float, g.n),
			    ('applications.decision-days.median', g.median::float, g.decided),
			    ('applications.decision-days.p90', g.p90::float, g.decided),
			    ('applications.promised-days', g.promised, g.with_promise),
			    ('applications.within-promised', g.within, g.decided_with_promise),
			    ('applications.trips', g.trips, g.n), ('applications.trips-over-max', g.over_max, g.with_max),
			    ('applications.prefilled', g.prefilled, g.n), ('applications.documents-uploaded', g.uploaded, g.n),
			    ('applications.documents-reused', g.reused, g.n), ('applications.supplement-rounds', g.rounds, g.n),
			    ('applications.rejections', g.rejections::float, g.n), ('applications.rejections-reversed',
			    g.reversed::float, g.rejected), ('applications.materials-spared', g.spared, g.n),
			    ('applications.visits', g.visits, g.n)) AS v(measure, value, cases)
			UNION ALL
			SELECT scope, subject, channel, 'applications.completion-rate', rate, n FROM started
			UNION ALL
			SELECT scope, subject, channel, 'applications.digital-take-up', take_up, n FROM completed
			UNION ALL
			SELECT scope, subject, channel, 'applications.staff-minutes', avg(minutes), count(minutes) FROM (
			    SELECT x.scope, x.subject, c.channel, (SELECT sum(extract(epoch FROM t.end_time_
			               - coalesce(t.claim_time_, t.start_time_))) / 60.0
			           FROM act_hi_taskinst t WHERE t.proc_inst_id_ = a.process_instance_id AND t.end_time_ IS NOT NULL)
			               AS minutes
			    FROM application a
			    CROSS JOIN LATERAL (VALUES ('CITY', ''), ('DEPARTMENT', a.department), ('MATTER', a.service_code))
			        AS x(scope, subject)
			    CROSS JOIN LATERAL (VALUES ('ALL'), (CASE WHEN a.channel IN ('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED')
			        THEN 'ONLINE' ELSE 'OFFLINE' END)) AS c(channel)
			    WHERE a.decided_at >= :from AND a.decided_at < :to AND a.status IN ('APPROVED', 'REJECTED')
			) w GROUP BY scope, subject, channel""";

	private UUID application(MatterDefinition matter, String channel, String status, String created, String submitted,
			String decided, Integer days, int rounds, String fields, String sources, String documents) {
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
				  form_revision, department, status, fields, sources, document_ids, created_at, updated_at, submitted_at,
				  decided_at, working_days_to_decision, supplement_rounds, channel)
				VALUES (:id, 'figures-2019', '110101201903010011', '测试', :code, 1, 1, :department, :status,
				  CAST(:fields AS jsonb), CAST(:sources AS jsonb), CAST(:documents AS jsonb), :created, :created, :submitted,
				  :decided, :days, :rounds, :channel)""")
			.param("id", id)
			.param("code", matter.code())
			.param("department", matter.department())
			.param("status", status)
			.param("fields", fields)
			.param("sources", sources)
			.param("documents", documents)
			.param("created", at(created))
			.param("submitted", at(submitted))
			.param("decided", at(decided))
			.param("days", days)
			.param("rounds", rounds)
			.param("channel", channel)
			.update();
		return id;
	}

	private UUID document(String origin, String added) {
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO application_document (id, owner, title, content_type, size_bytes, sha256, origin, added_at)
				VALUES (:id, 'figures-2019', 'proof', 'application/pdf', 100, :sha, :origin, :added)""")
			.param("id", id)
			.param("sha", "a".repeat(64))
			.param("origin", origin)
			.param("added", at(added))
			.update();
		return id;
	}

	private void event(UUID application, String kind) {
		db.sql("INSERT INTO application_event (application_id, at, kind, actor) VALUES (:a, :at, :kind, 'clerk')")
			.param("a", application)
			.param("at", at("2019-03-15T10:00:00+08:00"))
			.param("kind", kind)
			.update();
	}

	/**
	 * A user task of the application's process, created, claimed (or not) and completed.
	 */
	private void task(UUID application, String created, String claimed, String completed) {
		String process = "figures-" + application;
		db.sql("UPDATE application SET process_instance_id = :p WHERE id = :id")
			.param("p", process)
			.param("id", application)
			.update();
		db.sql("""
				INSERT INTO act_hi_taskinst (id_, rev_, proc_inst_id_, start_time_, claim_time_, end_time_)
				VALUES (:id, 1, :p, :created, :claimed, :completed)""")
			.param("id", UUID.randomUUID().toString())
			.param("p", process)
			.param("created", at(created))
			.param("claimed", at(claimed))
			.param("completed", at(completed))
			.update();
	}

	private void trip(UUID application, boolean fromTicket) {
		db.sql("""
				INSERT INTO application_trip (application_id, at, hall, purpose, recorded_by, ticket)
				VALUES (:a, :at, 'HALL-EAST', 'visit', 'clerk', :ticket)""")
			.param("a", application)
			.param("at", at("2019-03-16T10:00:00+08:00"))
			.param("ticket", fromTicket ? UUID.randomUUID() : null)
			.update();
	}

	private static Timestamp at(String when) {
		return when == null ? null : Timestamp.from(OffsetDateTime.parse(when).toInstant());
	}

}
