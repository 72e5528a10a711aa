package org.onestop.assistant;

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
import org.onestop.appointment.MatterDepartments;
import org.onestop.insight.ChannelGroup;
import org.onestop.insight.Figure;
import org.onestop.insight.Scope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure the assistant's source computes for a month equals its recomputation here
 * from the conversations with plain SQL, scope by scope. The month (May 2019, city time)
 * is one no other test writes.
 */
@IntegrationTest
class AssistantFiguresRecomputedIntegrationTests {

	static final YearMonth MONTH = YearMonth.of(2019, 5);

	@Autowired
	AssistantFigureSource source;

	@Autowired
	MatterDepartments departments;

	@Autowired
	JdbcClient db;

	@Test
	void everyFigureOfTheMonthIsItsRecomputationFromTheConversations() {
		conversation("WEB", "2019-05-01T00:10:00+08:00", null, null, "PS-HH-001", "HU-PF-001");
		conversation("WEB", "2019-05-02T10:00:00+08:00", 30, 90, "PS-HH-001");
		conversation("MOBILE_WEB", "2019-05-03T10:00:00+08:00", 10, 20);
		conversation("HOTLINE", "2019-05-04T10:00:00+08:00", 5, 300, "HU-PF-001");
		conversation("HOTLINE", "2019-05-05T10:00:00+08:00", 5, null, "PS-HH-001", "PS-RP-001");
		// Begun on the last city evening of April: not May's.
		conversation("WEB", "2019-04-30T23:50:00+08:00", 5, 10, "PS-HH-001");

		Map<String, String> computed = byKey(source.compute(MONTH));

		assertThat(computed).isEqualTo(byKey(recompute()));
		assertThat(computed).containsEntry("assistant.conversations|CITY||ALL", "5.0000/5")
			.containsEntry("assistant.handoffs|CITY||ALL", "4.0000/5")
			.containsEntry("assistant.time-to-person.median|CITY||ALL", "90.0000/3")
			.containsEntry("assistant.conversations|MATTER|PS-HH-001|ALL", "3.0000/3");
		assertThat(source.monthsChangedSince(Instant.parse("2019-01-01T00:00:00Z"))).contains(MONTH);
	}

	private List<Figure> recompute() {
		Map<String, String> owners = departments.of(List.of("PS-HH-001", "HU-PF-001", "PS-RP-001"));
		return db
			.sql("""
					WITH c AS (
					    SELECT c.*, CASE WHEN contact_channel IN ('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED') THEN 'ONLINE'
					                     ELSE 'OFFLINE' END AS grp,
					           extract(epoch FROM connected_at - person_requested_at) AS wait
					    FROM assistant_conversation c WHERE started_at >= :from AND started_at < :to
					), subjects AS (
					    SELECT id, 'CITY' AS scope, '' AS subject FROM c
					    UNION
					    SELECT conversation_id, 'MATTER', code FROM assistant_matter WHERE conversation_id IN (SELECT id FROM c)
					    UNION
					    SELECT m.conversation_id, 'DEPARTMENT', d.department FROM assistant_matter m
					    JOIN unnest(CAST(:codes AS text[]), CAST(:departments AS text[])) AS d(code, department) ON d.code = m.code
					    WHERE m.conversation_id IN (SELECT id FROM c)
					), g AS (
					    SELECT s.scope, s.subject, ch.channel_group, count(*) AS n,
					           count(c.person_requested_at) AS handoffs,
					           count(*) FILTER (WHERE c.person_requested_at IS NULL)::float / count(*) AS without,
					           percentile_disc(0.5) WITHIN GROUP (ORDER BY c.wait) AS median,
					           percentile_disc(0.95) WITHIN GROUP (ORDER BY c.wait) AS p95, count(c.wait) AS waited
					    FROM subjects s JOIN c ON c.id = s.id
					    CROSS JOIN LATERAL (VALUES ('ALL'), (c.grp)) AS ch(channel_group)
					    GROUP BY s.scope, s.subject, ch.channel_group
					)
					SELECT g.scope, g.subject, g.channel_group, v.measure, v.value, v.cases FROM g CROSS JOIN LATERAL (VALUES
					    ('assistant.conversations', g.n::float, g.n), ('assistant.handoffs', g.handoffs::float, g.n),
					    ('assistant.without-person', g.without, g.n), ('assistant.time-to-person.median', g.median::float, g.waited),
					    ('assistant.time-to-person.p95', g.p95::float, g.waited)) AS v(measure, value, cases)""")
			.param("from", Timestamp.from(OffsetDateTime.parse("2019-05-01T00:00:00+08:00").toInstant()))
			.param("to", Timestamp.from(OffsetDateTime.parse("2019-06-01T00:00:00+08:00").toInstant()))
			.param("codes", owners.keySet().toArray(String[]::new))
			.param("departments", owners.values().toArray(String[]::new))
			.query((rs, n) -> new Figure(rs.getString("measure"), Scope.valueOf(rs.getString("scope")),
					rs.getString("subject"), ChannelGroup.valueOf(rs.getString("channel_group")),
					(Double) rs.getObject("value"), rs.getLong("cases")))
			.list();
	}

	static Map<String, String> byKey(List<Figure> figures) {
		Map<String, String> keyed = new TreeMap<>();
		for (Figure f : figures) {
			String previous = keyed.put(f.measure() + "|" + f.scope() + "|" + f.subject() + "|" + f.channel(),
					(f.value() == null ? "-" : String.format("%.4f", f.value())) + "/" + f.cases());
			assertThat(previous).as("one figure per measure, scope, subject and channel").isNull();
		}
		return keyed;
	}

	/**
	 * A conversation begun then, asking for a person after some seconds and reached after
	 * more.
	 */
	private void conversation(String channel, String started, Integer askedAfter, Integer reachedAfter,
			String... matters) {
		UUID id = UUID.randomUUID();
		Instant at = OffsetDateTime.parse(started).toInstant();
		Instant asked = askedAfter == null ? null : at.plusSeconds(askedAfter);
		Instant reached = asked == null || reachedAfter == null ? null : asked.plusSeconds(reachedAfter);
		db.sql("""
				INSERT INTO assistant_conversation (id, channel, contact_channel, owner_key, pool, started_at, last_seen_at,
				  person_requested_at, connected_at)
				VALUES (:id, :detail, :channel, 'figures-2019', 'general', :at, :at, :asked, :reached)""")
			.param("id", id)
			.param("detail", channel.equals("HOTLINE") ? "PHONE" : "WEB")
			.param("channel", channel)
			.param("at", Timestamp.from(at))
			.param("asked", asked == null ? null : Timestamp.from(asked))
			.param("reached", reached == null ? null : Timestamp.from(reached))
			.update();
		for (String matter : matters) {
			db.sql("INSERT INTO assistant_matter (conversation_id, code, name, at) VALUES (:id, :code, :code, :at)")
				.param("id", id)
				.param("code", matter)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

}
