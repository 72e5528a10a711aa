package org.onestop.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ratings' figures of one city month, each a single grouped pass over the month's
 * rows (GROUPING SETS: the city, each department, each matter, each both in total and
 * online or offline), and the months whose rows changed.
 */
@Repository
class RatingFigureQueries {

	/** The channels that count as online, as {@link ContactChannel#online()} says. */
	private static final List<String> ONLINE = Arrays.stream(ContactChannel.values())
		.filter(ContactChannel::online)
		.map(Enum::name)
		.toList();

	/** Which cell a grouped row is: the scope, its subject, the channel group. */
	private static final String CELL = """
			CASE WHEN grouping(department) = 0 THEN 'DEPARTMENT' WHEN grouping(service_code) = 0 THEN 'MATTER'
			     ELSE 'CITY' END AS scope,
			CASE WHEN grouping(department) = 0 THEN department WHEN grouping(service_code) = 0 THEN service_code
			     ELSE '' END AS subject,
			CASE WHEN grouping(online) = 1 THEN 'ALL' WHEN online THEN 'ONLINE' ELSE 'OFFLINE' END AS channel""";

	private static final String SETS = """
			GROUP BY GROUPING SETS ((), (online), (department), (department, online), (service_code),
			                        (service_code, online))""";

	/** Every city month that has rows. */
	private static final String EVERY_MONTH = """
			SELECT DISTINCT to_char(t AT TIME ZONE :zone, 'YYYY-MM') FROM (
			    SELECT created_at AS t FROM rating
			    UNION ALL SELECT opened_at FROM follow_up
			    UNION ALL SELECT reply_due FROM follow_up
			    UNION ALL SELECT verdict_at FROM follow_up WHERE verdict_at IS NOT NULL) m""";

	/**
	 * The city months of rows written or changed since a moment, and of follow-ups that
	 * fell due since then. Every branch is an index range: {@code rating.changed_at},
	 * {@code rating_flag.decided_at}, {@code follow_up.changed_at} (set by every change
	 * of a follow-up) and {@code follow_up.reply_due}; an excluded rating's follow-up is
	 * found through the flag.
	 */
	static final String CHANGED_MONTHS = """
			SELECT DISTINCT to_char(t AT TIME ZONE :zone, 'YYYY-MM') FROM (
			    SELECT created_at AS t FROM rating WHERE changed_at >= :since
			    UNION ALL
			    SELECT r.created_at FROM rating_flag g JOIN rating r ON r.id = g.rating_id WHERE g.decided_at >= :since
			    UNION ALL
			    SELECT unnest(ARRAY[f.opened_at, f.reply_due, f.verdict_at]) FROM follow_up f
			    WHERE f.changed_at >= :since
			    UNION ALL
			    SELECT unnest(ARRAY[f.opened_at, f.reply_due, f.verdict_at]) FROM follow_up f
			    WHERE f.reply_due BETWEEN :since AND :now
			    UNION ALL
			    SELECT unnest(ARRAY[f.opened_at, f.reply_due, f.verdict_at])
			    FROM rating_flag g JOIN follow_up f ON f.rating_id = g.rating_id WHERE g.decided_at >= :since
			) m WHERE t IS NOT NULL""";

	private final JdbcClient db;

	RatingFigureQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * One cell's ratings given in the month: the excluded apart, every other count
	 * without them.
	 */
	record RatingCell(String scope, String subject, String channel, long ratings, long[] levels, long satisfied,
			long excluded) {
	}

	/**
	 * One cell's follow-ups: opened in the month; fallen due in the month (replied, or
	 * due by now) and of those first replied by their due time (a dated promise on the
	 * ledger in time counts; the final reply after it does not make it late); judged by
	 * the citizen in the month and of those put right.
	 */
	record FollowUpCell(String scope, String subject, String channel, long opened, long due, long onTime, long verdicts,
			long putRight) {
	}

	List<RatingCell> ratings(Instant from, Instant to) {
		return db.sql("SELECT " + CELL + """
				,
				       count(*) FILTER (WHERE NOT excluded) AS ratings,
				       count(*) FILTER (WHERE NOT excluded AND level = 1) AS l1,
				       count(*) FILTER (WHERE NOT excluded AND level = 2) AS l2,
				       count(*) FILTER (WHERE NOT excluded AND level = 3) AS l3,
				       count(*) FILTER (WHERE NOT excluded AND level = 4) AS l4,
				       count(*) FILTER (WHERE NOT excluded AND level = 5) AS l5,
				       count(*) FILTER (WHERE NOT excluded AND level >= 4) AS satisfied,
				       count(*) FILTER (WHERE excluded) AS excluded
				FROM (SELECT department, service_code, level, excluded, channel IN (:online) AS online
				      FROM rating WHERE created_at >= :from AND created_at < :to) r
				""" + SETS)
			.param("online", ONLINE)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(RatingFigureQueries::ratingCell)
			.list();
	}

	/**
	 * Rows written without {@code first_replied_at} (the demo history, older rows) count
	 * their reply as the first.
	 */
	List<FollowUpCell> followUps(Instant from, Instant to, Instant now) {
		return db
			.sql("SELECT " + CELL
					+ """
							,
							       count(*) FILTER (WHERE opened_at >= :from AND opened_at < :to) AS opened,
							       count(*) FILTER (WHERE reply_due >= :from AND reply_due < :to
							                          AND (first_replied_at IS NOT NULL OR reply_due <= :now)) AS due,
							       count(*) FILTER (WHERE reply_due >= :from AND reply_due < :to
							                          AND first_replied_at <= reply_due) AS on_time,
							       count(*) FILTER (WHERE verdict_at >= :from AND verdict_at < :to) AS verdicts,
							       count(*) FILTER (WHERE verdict_at >= :from AND verdict_at < :to
							                          AND citizen_verdict = 'PUT_RIGHT') AS put_right
							FROM (SELECT f.department, r.service_code, r.channel IN (:online) AS online, f.opened_at, f.reply_due,
							             coalesce(f.first_replied_at, f.replied_at) AS first_replied_at, f.verdict_at,
							             f.citizen_verdict
							      FROM follow_up f JOIN rating r ON r.id = f.rating_id
							      WHERE NOT r.excluded AND f.status <> 'WITHDRAWN'
							        AND ((f.opened_at >= :from AND f.opened_at < :to) OR (f.reply_due >= :from AND f.reply_due < :to)
							             OR (f.verdict_at >= :from AND f.verdict_at < :to))) f
							"""
					+ SETS)
			.param("online", ONLINE)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new FollowUpCell(rs.getString("scope"), rs.getString("subject"), rs.getString("channel"),
					rs.getLong("opened"), rs.getLong("due"), rs.getLong("on_time"), rs.getLong("verdicts"),
					rs.getLong("put_right")))
			.list();
	}

	/**
	 * The city months ({@code 2026-12}) whose figures rest on rows written or changed
	 * since {@code since}, or every month that has rows when it is null. A follow-up that
	 * fell due since then changes its month too: it now counts as late or on time.
	 */
	List<String> changedSince(Instant since, Instant now, String zone) {
		if (since == null) {
			return db.sql(EVERY_MONTH).param("zone", zone).query(String.class).list();
		}
		return db.sql(CHANGED_MONTHS)
			.param("zone", zone)
			.param("since", Timestamp.from(since))
			.param("now", Timestamp.from(now))
			.query(String.class)
			.list();
	}

	private static RatingCell ratingCell(ResultSet rs, int row) throws SQLException {
		long[] levels = { rs.getLong("l1"), rs.getLong("l2"), rs.getLong("l3"), rs.getLong("l4"), rs.getLong("l5") };
		return new RatingCell(rs.getString("scope"), rs.getString("subject"), rs.getString("channel"),
				rs.getLong("ratings"), levels, rs.getLong("satisfied"), rs.getLong("excluded"));
	}

}
