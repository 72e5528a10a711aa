package org.onestop.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts behind the three rates, per city month and department, for any range of
 * months in one read (a page with its trend costs one query, not one per department).
 */
@Component
class FigureQueries {

	/**
	 * The counts of one department in one month of the city's calendar.
	 */
	record Counts(YearMonth month, String department, long due, long respondedInTime, long withVerdict, long solved,
			long rated, long satisfied, long noFeedback, long returns) {
	}

	/*
	 * Months are cut in the city's zone ("AT TIME ZONE" of a timestamptz gives the city's
	 * wall time). Response: by the lead department (the dispatch centre while nobody has
	 * it), merged complaints left out (their case is counted once). Verdicts: the latest
	 * per complaint within the month (a reopened complaint judged twice in a month counts
	 * once, by its last word), by the department the verdict judged. No-feedback closures
	 * have no verdict row, so they cannot count as one; they are counted apart.
	 */
	private static final String COUNTS = """
			WITH due AS (
			    SELECT coalesce(lead_department, 'DC') AS department,
			           to_char(first_contact_due AT TIME ZONE CAST(:zone AS TEXT), 'YYYY-MM') AS month,
			           count(*) AS due,
			           count(*) FILTER (WHERE first_contacted_at <= first_contact_due) AS in_time
			    FROM complaint
			    WHERE merged_into IS NULL AND first_contact_due >= :start AND first_contact_due < :end
			    GROUP BY 1, 2),
			latest AS (
			    SELECT DISTINCT ON (complaint_id, month) department, month, solved, rating
			    FROM (SELECT complaint_id, round, given_at, department, solved, rating,
			                 to_char(given_at AT TIME ZONE CAST(:zone AS TEXT), 'YYYY-MM') AS month
			          FROM complaint_verdict
			          WHERE given_at >= :start AND given_at < :end) v
			    ORDER BY complaint_id, month, round DESC, given_at DESC),
			verdicts AS (
			    SELECT department, month, count(*) AS with_verdict,
			           count(*) FILTER (WHERE solved) AS solved,
			           count(rating) AS rated,
			           count(*) FILTER (WHERE rating >= 4) AS satisfied
			    FROM latest
			    GROUP BY 1, 2),
			silent AS (
			    SELECT coalesce(lead_department, 'DC') AS department,
			           to_char(closed_at AT TIME ZONE CAST(:zone AS TEXT), 'YYYY-MM') AS month,
			           count(*) AS no_feedback
			    FROM complaint
			    WHERE closure = 'NO_FEEDBACK' AND closed_at >= :start AND closed_at < :end
			    GROUP BY 1, 2),
			returned AS (
			    SELECT department, to_char(requested_at AT TIME ZONE CAST(:zone AS TEXT), 'YYYY-MM') AS month,
			           count(*) AS returns
			    FROM complaint_return
			    WHERE requested_at >= :start AND requested_at < :end
			    GROUP BY 1, 2)
			SELECT month, department, coalesce(due, 0), coalesce(in_time, 0), coalesce(with_verdict, 0),
			       coalesce(solved, 0), coalesce(rated, 0), coalesce(satisfied, 0), coalesce(no_feedback, 0),
			       coalesce(returns, 0)
			FROM due
			FULL JOIN verdicts USING (department, month)
			FULL JOIN silent USING (department, month)
			FULL JOIN returned USING (department, month)
			ORDER BY month, department""";

	private final JdbcClient db;

	FigureQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Every department's counts in every month that has any, of what happened from
	 * {@code start} (inclusive) to {@code end} (exclusive).
	 */
	List<Counts> counts(Instant start, Instant end, ZoneId zone) {
		return db.sql(COUNTS)
			.param("zone", zone.getId())
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> new Counts(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
					rs.getLong(10)))
			.list();
	}

}
