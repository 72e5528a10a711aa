package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.insight.Figure;
import org.onestop.insight.FigureRows;
import org.onestop.insight.FigureRows.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grouped queries behind the applications' figures: one statement per kind of month
 * (submitted, started, completed), each grouped by GROUPING SETS into the city, every
 * department and every matter, for all channels and online and offline at once.
 */
@Repository
class ApplicationFigureQueries {

	/**
	 * The scope, subject and channel of a grouped row; a matter's row is grouped by
	 * department too (a matter has one), so its subject is the matter.
	 */
	private static final String GROUPS = """
			CASE WHEN GROUPING(service_code) = 0 THEN 'MATTER' WHEN GROUPING(department) = 0 THEN 'DEPARTMENT'
			     ELSE 'CITY' END AS scope,
			coalesce(CASE WHEN GROUPING(service_code) = 0 THEN service_code END, department, '') AS subject,
			CASE WHEN GROUPING(grp) = 1 THEN 'ALL' ELSE grp END AS channel""";

	private static final String GROUPING_SETS = """
			GROUP BY GROUPING SETS ((department, service_code, grp), (department, service_code), (department, grp),
			                        (department), (grp), ())""";

	private static final String CATALOG = """
			LEFT JOIN unnest(CAST(:codes AS text[]), CAST(:promised AS int[]), CAST(:statutory AS int[]),
			                 CAST(:maxTrips AS int[])) AS m(code, promised_days, statutory_days, max_trips)
			       ON m.code = b.service_code""";

	/**
	 * The applications submitted in the month, one row each with the columns of
	 * {@code application_burden} the figures use, computed set-based over the month's
	 * rows rather than read from the view: the view's per-row subqueries (a join over
	 * every document per application, a search of every application per counter scan)
	 * took tens of seconds for one month of a small city. The definitions are the view's
	 * (V2026_12_06_1520), and a test compares the two per application:
	 * <ul>
	 * <li>a document uploaded by the citizen counts as uploaded when added on or after
	 * the application was created, as reused when added before; an issued one is
	 * reused;</li>
	 * <li>a counter scan counts as uploaded for the first submitted application (by
	 * created_at, then id) that names it, and as reused for every later one: one lookup
	 * per distinct scan, served by the GIN index on document_ids;</li>
	 * <li>a rejection held for a supervisor and later confirmed is one rejection.</li>
	 * </ul>
	 */
	private static final String MONTH_BURDEN = """
			WITH a AS (
			    SELECT id, created_at, department, service_code, status, channel, working_days_to_decision,
			           fields, sources, document_ids, supplement_rounds
			    FROM application
			    WHERE submitted_at >= :from AND submitted_at < :to AND status <> 'DRAFT'
			), named AS (
			    -- Every document each application names, as often as it names it.
			    SELECT a.id AS application_id, a.created_at, d.doc, v.origin, v.added_at
			    FROM a CROSS JOIN LATERAL jsonb_array_elements_text(a.document_ids) AS d(doc)
			    JOIN application_document v ON v.id = CAST(d.doc AS uuid)
			), first_named AS (
			    -- The first submitted application naming each counter scan: every application naming it is
			    -- found through the GIN index (@> on a one-element array: the view's ? in a form JDBC
			    -- does not take for a placeholder) (an ORDER BY ... LIMIT 1 per scan lets the planner walk the
			    -- created_at index instead, through most of the table per scan).
			    SELECT DISTINCT ON (s.doc) s.doc, f.id AS first_id
			    FROM (SELECT DISTINCT doc FROM named WHERE origin = 'COUNTER') s
			    JOIN application f ON f.document_ids @> jsonb_build_array(s.doc) AND f.status <> 'DRAFT'
			    ORDER BY s.doc, f.created_at, f.id
			), documents AS (
			    SELECT n.application_id,
			           count(*) FILTER (WHERE (n.origin = 'UPLOADED' AND n.added_at >= n.created_at)
			                               OR (n.origin = 'COUNTER' AND f.first_id = n.application_id)) AS uploaded,
			           count(*) FILTER (WHERE n.origin = 'ISSUED' OR (n.origin = 'UPLOADED' AND n.added_at < n.created_at)
			                               OR (n.origin = 'COUNTER' AND f.first_id <> n.application_id)) AS reused
			    FROM named n LEFT JOIN first_named f ON f.doc = n.doc
			    GROUP BY n.application_id
			), events AS (
			    SELECT application_id,
			           greatest(count(*) FILTER (WHERE kind = 'REJECTED'), count(*) FILTER (WHERE kind = 'REJECTION_HELD'))
			               AS rejections,
			           bool_or(kind = 'REJECTION_HELD') AS held
			    FROM application_event
			    WHERE application_id IN (SELECT id FROM a) AND kind IN ('REJECTED', 'REJECTION_HELD')
			    GROUP BY application_id
			), trips AS (
			    SELECT application_id, count(*) AS trips, count(ticket) AS visits
			    FROM application_trip WHERE application_id IN (SELECT id FROM a)
			    GROUP BY application_id
			), burden AS (
			    SELECT a.id AS application_id, a.department, a.service_code, a.status, a.channel,
			           a.working_days_to_decision,
			           (SELECT count(*) FROM jsonb_object_keys(a.sources))::int AS fields_prefilled,
			           ((SELECT count(*) FROM jsonb_object_keys(a.fields))
			               - (SELECT count(*) FROM jsonb_object_keys(a.sources)))::int AS fields_typed,
			           coalesce(d.uploaded, 0)::int AS documents_uploaded, coalesce(d.reused, 0)::int AS documents_reused,
			           a.supplement_rounds, coalesce(e.rejections, 0)::int AS rejections,
			           coalesce(t.trips, 0)::int AS trips, coalesce(t.visits, 0)::int AS visits,
			           a.status = 'APPROVED' AND coalesce(e.held, false) AS reversed
			    FROM a
			    LEFT JOIN documents d ON d.application_id = a.id
			    LEFT JOIN events e ON e.application_id = a.id
			    LEFT JOIN trips t ON t.application_id = a.id
			)
			""";

	/**
	 * Applications submitted in the month, per row as {@link #MONTH_BURDEN} reads them.
	 */
	private static final String SUBMITTED = MONTH_BURDEN + """
			, b AS (
			    SELECT b.application_id, b.department, b.service_code, b.status,
			           CASE WHEN b.channel = ANY(CAST(:online AS text[])) THEN 'ONLINE' ELSE 'OFFLINE' END AS grp,
			           b.working_days_to_decision AS days, b.trips, b.fields_prefilled, b.fields_typed,
			           b.documents_uploaded, b.documents_reused, b.supplement_rounds, b.rejections,
			           m.promised_days, m.statutory_days, m.max_trips, b.visits, b.reversed
			    FROM burden b
			    """ + CATALOG + """

			)
			SELECT\s""" + GROUPS + """
			,
			       count(*) AS submitted,
			       count(days) AS decided,
			       percentile_disc(0.5) WITHIN GROUP (ORDER BY days) AS days_median,
			       percentile_disc(0.9) WITHIN GROUP (ORDER BY days) AS days_p90,
			       avg(promised_days) AS promised, count(promised_days) AS promised_cases,
			       avg((days <= promised_days)::int) FILTER (WHERE promised_days IS NOT NULL) AS within,
			       count(days) FILTER (WHERE promised_days IS NOT NULL) AS within_cases,
			       avg(trips) AS trips,
			       avg((trips > max_trips)::int) FILTER (WHERE max_trips IS NOT NULL) AS over_max,
			       count(max_trips) AS over_max_cases,
			       sum(fields_prefilled)::float / nullif(sum(fields_prefilled + fields_typed), 0) AS prefilled,
			       avg(documents_uploaded) AS uploaded, avg(documents_reused) AS reused,
			       avg(supplement_rounds) AS rounds,
			       sum(rejections) AS rejections, count(*) FILTER (WHERE rejections > 0) AS rejected,
			       count(*) FILTER (WHERE reversed) AS reversed,
			       sum(documents_reused + fields_prefilled)::float
			           / nullif(sum(documents_reused + fields_prefilled + documents_uploaded + fields_typed), 0)
			           AS spared,
			       avg(visits) AS visits
			FROM b
			""" + GROUPING_SETS;

	/** Applications started (created, drafts included) in the month. */
	private static final String STARTED = """
			WITH b AS (
			    SELECT department, service_code,
			           CASE WHEN channel = ANY(CAST(:online AS text[])) THEN 'ONLINE' ELSE 'OFFLINE' END AS grp,
			           status IN ('APPROVED', 'REJECTED') AS completed
			    FROM application WHERE created_at >= :from AND created_at < :to
			)
			SELECT\s""" + GROUPS + """
			, avg(completed::int) AS completion, count(*) AS started
			FROM b
			""" + GROUPING_SETS;

	/** Applications completed (decided, approved or refused) in the month. */
	private static final String COMPLETED = """
			WITH b AS (
			    SELECT department, service_code, channel = ANY(CAST(:online AS text[])) AS online,
			           CASE WHEN channel = ANY(CAST(:online AS text[])) THEN 'ONLINE' ELSE 'OFFLINE' END AS grp
			    FROM application
			    WHERE decided_at >= :from AND decided_at < :to AND status IN ('APPROVED', 'REJECTED')
			)
			SELECT\s""" + GROUPS + """
			, avg(online::int) AS take_up, count(*) AS completed
			FROM b
			""" + GROUPING_SETS;

	/**
	 * Staff minutes of the applications completed in the month, given per process
	 * instance.
	 */
	private static final String COST = """
			WITH b AS (
			    SELECT department, service_code, w.minutes,
			           CASE WHEN channel = ANY(CAST(:online AS text[])) THEN 'ONLINE' ELSE 'OFFLINE' END AS grp
			    FROM application
			    LEFT JOIN unnest(CAST(:processes AS text[]), CAST(:minutes AS float8[])) AS w(process, minutes)
			           ON w.process = application.process_instance_id
			    WHERE decided_at >= :from AND decided_at < :to AND status IN ('APPROVED', 'REJECTED')
			)
			SELECT\s""" + GROUPS + """
			, avg(minutes) AS staff_minutes, count(minutes) AS costed
			FROM b
			""" + GROUPING_SETS;

	private static final String EVERY_MONTH = """
			SELECT DISTINCT to_char(created_at AT TIME ZONE :zone, 'YYYY-MM') FROM application
			UNION SELECT DISTINCT to_char(submitted_at AT TIME ZONE :zone, 'YYYY-MM') FROM application
			    WHERE submitted_at IS NOT NULL
			UNION SELECT DISTINCT to_char(decided_at AT TIME ZONE :zone, 'YYYY-MM') FROM application
			    WHERE decided_at IS NOT NULL""";

	private static final String MONTHS_CHANGED = """
			WITH changed AS (
			    SELECT created_at, submitted_at, decided_at FROM application WHERE updated_at >= :since
			    UNION ALL
			    SELECT a.created_at, a.submitted_at, a.decided_at
			    FROM application_trip t JOIN application a ON a.id = t.application_id WHERE t.at >= :since
			)
			SELECT DISTINCT to_char(m AT TIME ZONE :zone, 'YYYY-MM')
			FROM changed, LATERAL (VALUES (created_at), (submitted_at), (decided_at)) AS v(m)
			WHERE m IS NOT NULL""";

	private final JdbcClient db;

	ApplicationFigureQueries(JdbcClient db) {
		this.db = db;
	}

	/** What the catalog says of each matter, bound as parallel arrays. */
	record MatterTerms(String[] codes, Integer[] promised, Integer[] statutory, Integer[] maxTrips) {
	}

	List<Figure> submitted(Instant from, Instant to, String[] online, MatterTerms terms, List<Column> columns) {
		return grouped(db.sql(SUBMITTED)
			.param("codes", terms.codes())
			.param("promised", terms.promised())
			.param("statutory", terms.statutory())
			.param("maxTrips", terms.maxTrips()), from, to, online, columns);
	}

	/**
	 * The month's submitted applications as the figures count them: documents uploaded
	 * and reused, rejections and trips per application, keyed by id (for the test that
	 * holds them to {@code application_burden}'s definitions).
	 */
	Map<UUID, List<Integer>> burdenOfMonth(Instant from, Instant to) {
		Map<UUID, List<Integer>> rows = new HashMap<>();
		db.sql(MONTH_BURDEN + """
				SELECT application_id, documents_uploaded, documents_reused, rejections, trips FROM burden""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				rows.put(rs.getObject(1, UUID.class), List.of(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
			});
		return rows;
	}

	List<Figure> started(Instant from, Instant to, String[] online, List<Column> columns) {
		return grouped(db.sql(STARTED), from, to, online, columns);
	}

	List<Figure> completed(Instant from, Instant to, String[] online, List<Column> columns) {
		return grouped(db.sql(COMPLETED), from, to, online, columns);
	}

	/** The process instances of the applications completed in the month. */
	List<String> completedProcesses(Instant from, Instant to) {
		return db.sql("""
				SELECT process_instance_id FROM application
				WHERE decided_at >= :from AND decided_at < :to AND status IN ('APPROVED', 'REJECTED')
				  AND process_instance_id IS NOT NULL""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(String.class)
			.list();
	}

	List<Figure> cost(Instant from, Instant to, String[] online, String[] processes, Double[] minutes,
			List<Column> columns) {
		return grouped(db.sql(COST).param("processes", processes).param("minutes", minutes), from, to, online, columns);
	}

	private static List<Figure> grouped(JdbcClient.StatementSpec sql, Instant from, Instant to, String[] online,
			List<Column> columns) {
		List<Figure> figures = new ArrayList<>();
		sql.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("online", online).query(rows -> {
			figures.addAll(FigureRows.read(rows, columns));
		});
		return figures;
	}

	/**
	 * The city months an application touched (started, submitted, decided) among those
	 * changed at or after {@code since}, and those of the applications a visit was
	 * recorded for since; every month with applications when {@code since} is null.
	 */
	Set<YearMonth> monthsChangedSince(Instant since, ZoneId zone) {
		var statement = db.sql(since == null ? EVERY_MONTH : MONTHS_CHANGED).param("zone", zone.getId());
		if (since != null) {
			statement = statement.param("since", Timestamp.from(since));
		}
		return new HashSet<>(statement.query(String.class).list().stream().map(YearMonth::parse).toList());
	}

}
