package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
	 * Applications submitted in the month, per row as {@code application_burden} reads
	 * them.
	 */
	private static final String SUBMITTED = """
			WITH b AS (
			    SELECT b.application_id, b.department, b.service_code, b.status,
			           CASE WHEN b.channel = ANY(CAST(:online AS text[])) THEN 'ONLINE' ELSE 'OFFLINE' END AS grp,
			           b.working_days_to_decision AS days, b.trips, b.fields_prefilled, b.fields_typed,
			           b.documents_uploaded, b.documents_reused, b.supplement_rounds, b.rejections,
			           m.promised_days, m.statutory_days, m.max_trips,
			           (SELECT count(*) FROM application_trip t
			            WHERE t.application_id = b.application_id AND t.ticket IS NOT NULL) AS visits,
			           b.status = 'APPROVED' AND EXISTS (SELECT 1 FROM application_event e
			               WHERE e.application_id = b.application_id AND e.kind = 'REJECTION_HELD') AS reversed
			    FROM application_burden b
			    """ + CATALOG + """
			    WHERE b.submitted_at >= :from AND b.submitted_at < :to
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
