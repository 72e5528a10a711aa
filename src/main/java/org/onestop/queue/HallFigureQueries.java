package org.onestop.queue;

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
 * The one grouped query behind the halls' figures: tickets drawn in a month, grouped by
 * GROUPING SETS into the city, each hall, each department and each matter a ticket names,
 * for all channels and online and offline.
 */
@Repository
class HallFigureQueries {

	/**
	 * A ticket's wait is from drawing it (or checking in) to its first call, in minutes;
	 * tickets never called have none. Groups of tickets with no matter (or a matter the
	 * catalog does not know) are left out of the matter and department scopes.
	 */
	private static final String MONTH = """
			WITH t AS (
			    SELECT t.hall, t.service_code, m.department, t.kind, t.status,
			           CASE WHEN t.channel = ANY(CAST(:online AS text[])) THEN 'ONLINE' ELSE 'OFFLINE' END AS grp,
			           extract(epoch FROM t.first_called_at - t.arrived_at) / 60.0 AS wait
			    FROM queue_ticket t
			    LEFT JOIN unnest(CAST(:codes AS text[]), CAST(:departments AS text[])) AS m(code, department)
			           ON m.code = t.service_code
			    WHERE t.arrived_at >= :from AND t.arrived_at < :to
			)
			SELECT CASE WHEN GROUPING(hall) = 0 THEN 'HALL' WHEN GROUPING(service_code) = 0 THEN 'MATTER'
			            WHEN GROUPING(department) = 0 THEN 'DEPARTMENT' ELSE 'CITY' END AS scope,
			       coalesce(CASE WHEN GROUPING(hall) = 0 THEN hall END,
			                CASE WHEN GROUPING(service_code) = 0 THEN service_code END,
			                CASE WHEN GROUPING(department) = 0 THEN department END, '') AS subject,
			       CASE WHEN GROUPING(grp) = 1 THEN 'ALL' ELSE grp END AS channel,
			       count(*) AS issued,
			       count(*) FILTER (WHERE status = 'COMPLETED') AS served,
			       count(*) FILTER (WHERE status = 'NO_SHOW') AS no_shows,
			       percentile_disc(0.5) WITHIN GROUP (ORDER BY wait) FILTER (WHERE kind = 'WALK_IN') AS walk_in_median,
			       percentile_disc(0.9) WITHIN GROUP (ORDER BY wait) FILTER (WHERE kind = 'WALK_IN') AS walk_in_p90,
			       count(wait) FILTER (WHERE kind = 'WALK_IN') AS walk_in_waits,
			       percentile_disc(0.5) WITHIN GROUP (ORDER BY wait) FILTER (WHERE kind = 'APPOINTMENT')
			           AS appointment_median,
			       percentile_disc(0.9) WITHIN GROUP (ORDER BY wait) FILTER (WHERE kind = 'APPOINTMENT')
			           AS appointment_p90,
			       count(wait) FILTER (WHERE kind = 'APPOINTMENT') AS appointment_waits
			FROM t
			GROUP BY GROUPING SETS ((hall, grp), (hall), (service_code, grp), (service_code), (department, grp),
			                        (department), (grp), ())
			HAVING (GROUPING(service_code) = 1 OR service_code IS NOT NULL)
			   AND (GROUPING(department) = 1 OR department IS NOT NULL)""";

	private final JdbcClient db;

	HallFigureQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * The matters tickets of the month name: their departments are asked of the catalog.
	 */
	List<String> matters(Instant from, Instant to) {
		return db.sql("""
				SELECT DISTINCT service_code FROM queue_ticket
				WHERE arrived_at >= :from AND arrived_at < :to AND service_code IS NOT NULL""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(String.class)
			.list();
	}

	List<Figure> month(Instant from, Instant to, String[] online, String[] codes, String[] departments,
			List<Column> columns) {
		List<Figure> figures = new ArrayList<>();
		db.sql(MONTH)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("online", online)
			.param("codes", codes)
			.param("departments", departments)
			.query(rows -> {
				figures.addAll(FigureRows.read(rows, columns));
			});
		return figures;
	}

	/**
	 * The city months of tickets drawn, among those changed at or after {@code since}.
	 */
	Set<YearMonth> monthsChangedSince(Instant since, ZoneId zone) {
		var statement = db.sql("""
				SELECT DISTINCT to_char(arrived_at AT TIME ZONE :zone, 'YYYY-MM') FROM queue_ticket
				WHERE CAST(:since AS timestamptz) IS NULL OR updated_at >= :since""")
			.param("zone", zone.getId())
			.param("since", since == null ? null : Timestamp.from(since));
		return new HashSet<>(statement.query(String.class).list().stream().map(YearMonth::parse).toList());
	}

}
