package org.onestop.queue;

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
 * Every figure the halls' source computes for a month equals its recomputation here from
 * the tickets with plain SQL, for the city, each hall, department and matter, and every
 * channel. The month (April 2019, city time) is one no other test writes.
 */
@IntegrationTest
class HallFiguresRecomputedIntegrationTests {

	static final YearMonth MONTH = YearMonth.of(2019, 4);

	@Autowired
	HallFigureSource source;

	@Autowired
	MatterDepartments departments;

	@Autowired
	JdbcClient db;

	@Test
	void everyFigureOfTheMonthIsItsRecomputationFromTheTickets() {
		ticket("HALL-A", "PS-HH-001", "WALK_IN", "COMPLETED", "2019-04-01T00:30:00+08:00", 12, "KIOSK");
		ticket("HALL-A", "PS-HH-001", "WALK_IN", "COMPLETED", "2019-04-02T09:00:00+08:00", 40, "COUNTER");
		ticket("HALL-A", "PS-HH-001", "APPOINTMENT", "COMPLETED", "2019-04-02T09:10:00+08:00", 3, "COUNTER");
		ticket("HALL-A", null, "WALK_IN", "NO_SHOW", "2019-04-03T09:00:00+08:00", 25, "KIOSK");
		ticket("HALL-A", "HU-PF-001", "WALK_IN", "WAITING", "2019-04-03T09:05:00+08:00", null, "KIOSK");
		ticket("HALL-B", "HU-PF-001", "APPOINTMENT", "COMPLETED", "2019-04-04T10:00:00+08:00", 7, "COUNTER");
		ticket("HALL-B", "HU-PF-001", "WALK_IN", "COMPLETED", "2019-04-04T10:01:00+08:00", 61, "KIOSK");
		// Drawn on the last city evening of March: not April's.
		ticket("HALL-B", "HU-PF-001", "WALK_IN", "COMPLETED", "2019-03-31T23:30:00+08:00", 5, "KIOSK");

		Map<String, String> computed = byKey(source.compute(MONTH));

		assertThat(computed).isEqualTo(byKey(recompute()));
		assertThat(computed).containsEntry("halls.tickets|CITY||ALL", "7.0000/7")
			.containsEntry("halls.wait.walk-in.median|HALL|HALL-A|ALL", "25.0000/3")
			.containsEntry("halls.no-shows|HALL|HALL-A|OFFLINE", "1.0000/5")
			.doesNotContainKey("halls.tickets|MATTER||ALL");
		assertThat(source.monthsChangedSince(Instant.parse("2019-01-01T00:00:00Z"))).contains(MONTH);
	}

	private List<Figure> recompute() {
		Map<String, String> owners = departments.of(List.of("PS-HH-001", "HU-PF-001"));
		return db
			.sql("""
					WITH t AS (
					    SELECT t.*, d.department, extract(epoch FROM t.first_called_at - t.arrived_at) / 60.0 AS wait,
					           CASE WHEN t.channel IN ('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED') THEN 'ONLINE' ELSE 'OFFLINE' END
					               AS grp
					    FROM queue_ticket t
					    LEFT JOIN unnest(CAST(:codes AS text[]), CAST(:departments AS text[])) AS d(code, department)
					        ON d.code = t.service_code
					    WHERE t.arrived_at >= :from AND t.arrived_at < :to
					), s AS (
					    SELECT t.*, x.scope, x.subject, c.channel_group FROM t
					    CROSS JOIN LATERAL (VALUES ('CITY', ''), ('HALL', t.hall), ('MATTER', t.service_code),
					        ('DEPARTMENT', t.department)) AS x(scope, subject)
					    CROSS JOIN LATERAL (VALUES ('ALL'), (t.grp)) AS c(channel_group)
					    WHERE x.subject IS NOT NULL
					), g AS (
					    SELECT scope, subject, channel_group, count(*) AS n,
					           count(*) FILTER (WHERE status = 'COMPLETED') AS served,
					           count(*) FILTER (WHERE status = 'NO_SHOW') AS no_shows,
					           percentile_disc(0.5) WITHIN GROUP (ORDER BY CASE WHEN kind = 'WALK_IN' THEN wait END) AS wm,
					           percentile_disc(0.9) WITHIN GROUP (ORDER BY CASE WHEN kind = 'WALK_IN' THEN wait END) AS wp,
					           count(CASE WHEN kind = 'WALK_IN' THEN wait END) AS wn,
					           percentile_disc(0.5) WITHIN GROUP (ORDER BY CASE WHEN kind = 'APPOINTMENT' THEN wait END) AS am,
					           percentile_disc(0.9) WITHIN GROUP (ORDER BY CASE WHEN kind = 'APPOINTMENT' THEN wait END) AS ap,
					           count(CASE WHEN kind = 'APPOINTMENT' THEN wait END) AS an
					    FROM s GROUP BY scope, subject, channel_group
					)
					SELECT g.scope, g.subject, g.channel_group, v.measure, v.value, v.cases FROM g CROSS JOIN LATERAL (VALUES
					    ('halls.tickets', g.n::float, g.n), ('halls.served', g.served::float, g.n),
					    ('halls.no-shows', g.no_shows::float, g.n), ('halls.wait.walk-in.median', g.wm::float, g.wn),
					    ('halls.wait.walk-in.p90', g.wp::float, g.wn), ('halls.wait.appointment.median', g.am::float, g.an),
					    ('halls.wait.appointment.p90', g.ap::float, g.an)) AS v(measure, value, cases)""")
			.param("from", Timestamp.from(OffsetDateTime.parse("2019-04-01T00:00:00+08:00").toInstant()))
			.param("to", Timestamp.from(OffsetDateTime.parse("2019-05-01T00:00:00+08:00").toInstant()))
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

	private int number = 0;

	private void ticket(String hall, String matter, String kind, String status, String arrived, Integer waitMinutes,
			String channel) {
		Instant at = OffsetDateTime.parse(arrived).toInstant();
		Instant called = waitMinutes == null ? null : at.plusSeconds(60L * waitMinutes);
		number++;
		db.sql("""
				INSERT INTO queue_ticket (id, hall, day, group_code, number, service_code, kind, status, arrived_at,
				  first_called_at, called_at, issued_by, updated_at, channel)
				VALUES (:id, :hall, :day, 'GENERAL', :number, :matter, :kind, :status, :arrived, :called, :called,
				  'test', :arrived, :channel)""")
			.param("id", UUID.randomUUID())
			.param("hall", hall)
			.param("day", java.sql.Date.valueOf(OffsetDateTime.parse(arrived).toLocalDate()))
			.param("number", "F" + number)
			.param("matter", matter)
			.param("kind", kind)
			.param("status", status)
			.param("arrived", Timestamp.from(at))
			.param("called", called == null ? null : Timestamp.from(called))
			.param("channel", channel)
			.update();
	}

}
