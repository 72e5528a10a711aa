package org.onestop.assistant;

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
 * The one grouped query behind the assistant's figures: conversations begun in a month,
 * for the city, and for each matter (and its department) the conversation was about.
 */
@Repository
class AssistantFigureQueries {

	/**
	 * A conversation about two matters counts once for each, and once for a department
	 * however many of its matters it was about: each conversation is spread over the
	 * distinct subjects it belongs to before grouping.
	 */
	private static final String MONTH = """
			WITH c AS (
			    SELECT id, person_requested_at IS NOT NULL AS handed_off,
			           CASE WHEN person_requested_at IS NOT NULL AND connected_at IS NOT NULL
			                THEN extract(epoch FROM connected_at - person_requested_at) END AS to_person,
			           CASE WHEN contact_channel = ANY(CAST(:online AS text[])) THEN 'ONLINE' ELSE 'OFFLINE' END AS grp
			    FROM assistant_conversation WHERE started_at >= :from AND started_at < :to
			), spread AS (
			    SELECT c.*, 'CITY' AS scope, '' AS subject FROM c
			    UNION ALL
			    SELECT DISTINCT c.*, 'MATTER', am.code FROM c JOIN assistant_matter am ON am.conversation_id = c.id
			    UNION ALL
			    SELECT DISTINCT c.*, 'DEPARTMENT', d.department
			    FROM c JOIN assistant_matter am ON am.conversation_id = c.id
			    JOIN unnest(CAST(:codes AS text[]), CAST(:departments AS text[])) AS d(code, department)
			      ON d.code = am.code
			)
			SELECT scope, subject, CASE WHEN GROUPING(grp) = 1 THEN 'ALL' ELSE grp END AS channel,
			       count(*) AS conversations,
			       count(*) FILTER (WHERE handed_off) AS handoffs,
			       avg((NOT handed_off)::int) AS without_person,
			       percentile_disc(0.5) WITHIN GROUP (ORDER BY to_person) AS to_person_median,
			       percentile_disc(0.95) WITHIN GROUP (ORDER BY to_person) AS to_person_p95,
			       count(to_person) AS connected
			FROM spread
			GROUP BY GROUPING SETS ((scope, subject, grp), (scope, subject))""";

	private final JdbcClient db;

	AssistantFigureQueries(JdbcClient db) {
		this.db = db;
	}

	/** The matters the month's conversations were about. */
	List<String> matters(Instant from, Instant to) {
		return db.sql("""
				SELECT DISTINCT am.code FROM assistant_matter am
				JOIN assistant_conversation c ON c.id = am.conversation_id
				WHERE c.started_at >= :from AND c.started_at < :to""")
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
	 * The city months of conversations begun, among those changed at or after
	 * {@code since}: a conversation's last change is the latest of its moments (the index
	 * {@code assistant_conversation_changed} is on the same expression).
	 */
	Set<YearMonth> monthsChangedSince(Instant since, ZoneId zone) {
		var statement = db.sql("""
				SELECT DISTINCT to_char(started_at AT TIME ZONE :zone, 'YYYY-MM') FROM assistant_conversation
				WHERE CAST(:since AS timestamptz) IS NULL
				   OR greatest(started_at, last_seen_at, person_requested_at, queued_at, abandoned_at, connected_at,
				               ended_at, rated_at) >= :since""")
			.param("zone", zone.getId())
			.param("since", since == null ? null : Timestamp.from(since));
		return new HashSet<>(statement.query(String.class).list().stream().map(YearMonth::parse).toList());
	}

}
