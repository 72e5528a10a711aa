package org.onestop.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts behind the three rates for the published figures: the same definitions as
 * {@link FigureQueries} (see there), split by the complaint's contact channel, and the
 * months whose counts rows written since a moment may have changed.
 */
@Component
class PublishedFigureQueries {

	/** The counts of one department, month and contact channel. */
	record ChannelCounts(String department, ContactChannel channel, long due, long respondedInTime, long withVerdict,
			long solved, long rated, long satisfied) {
	}

	private static final String COUNTS = """
			WITH due AS (
			    SELECT coalesce(lead_department, 'DC') AS department, contact_channel,
			           count(*) AS due,
			           count(*) FILTER (WHERE first_contacted_at <= first_contact_due) AS in_time
			    FROM complaint
			    WHERE merged_into IS NULL AND first_contact_due >= :start AND first_contact_due < :end
			    GROUP BY 1, 2),
			latest AS (
			    SELECT DISTINCT ON (v.complaint_id) v.department, c.contact_channel, v.solved, v.rating
			    FROM complaint_verdict v JOIN complaint c ON c.id = v.complaint_id
			    WHERE v.given_at >= :start AND v.given_at < :end
			    ORDER BY v.complaint_id, v.round DESC, v.given_at DESC),
			verdicts AS (
			    SELECT department, contact_channel, count(*) AS with_verdict,
			           count(*) FILTER (WHERE solved) AS solved,
			           count(rating) AS rated,
			           count(*) FILTER (WHERE rating >= 4) AS satisfied
			    FROM latest
			    GROUP BY 1, 2)
			SELECT department, contact_channel, coalesce(due, 0), coalesce(in_time, 0), coalesce(with_verdict, 0),
			       coalesce(solved, 0), coalesce(rated, 0), coalesce(satisfied, 0)
			FROM due
			FULL JOIN verdicts USING (department, contact_channel)
			ORDER BY department, contact_channel""";

	/*
	 * A month changes when a complaint falls due in it, is contacted or (re)dispatched
	 * (the lead department), or when a verdict is given in it.
	 */
	private static final String CHANGED = """
			SELECT DISTINCT to_char(first_contact_due AT TIME ZONE CAST(:zone AS TEXT), 'YYYY-MM')
			FROM complaint
			WHERE first_contact_due IS NOT NULL
			  AND (CAST(:since AS timestamptz) IS NULL OR received_at >= :since OR dispatched_at >= :since
			       OR first_contacted_at >= :since OR closed_at >= :since)
			UNION
			SELECT DISTINCT to_char(given_at AT TIME ZONE CAST(:zone AS TEXT), 'YYYY-MM')
			FROM complaint_verdict
			WHERE CAST(:since AS timestamptz) IS NULL OR given_at >= :since""";

	private final JdbcClient db;

	PublishedFigureQueries(JdbcClient db) {
		this.db = db;
	}

	List<ChannelCounts> counts(Instant start, Instant end) {
		return db.sql(COUNTS)
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> new ChannelCounts(rs.getString(1), ContactChannel.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.list();
	}

	Set<YearMonth> changedSince(Instant since, ZoneId zone) {
		return new LinkedHashSet<>(db.sql(CHANGED)
			.param("zone", zone.getId())
			.param("since", since == null ? null : Timestamp.from(since))
			.query((rs, n) -> YearMonth.parse(rs.getString(1)))
			.list());
	}

}
