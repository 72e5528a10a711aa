package org.onestop.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.IntegrationTest;
import org.onestop.insight.ChannelGroup;
import org.onestop.insight.Figure;
import org.onestop.insight.Measure;
import org.onestop.insight.Scope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every ratings figure of a month, for the city, each department and each matter, in
 * total and online or offline, recomputed here in plain SQL from the base rows (one
 * statement per figure, nothing shared with the source's grouped query) and compared. The
 * month is one nobody else writes (May 2019, city time), with ratings on both sides of
 * its edges in the city's time zone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingFiguresIntegrationTests {

	static final YearMonth MAY = YearMonth.of(2019, 5);

	/** May 2019 in Asia/Shanghai, written out rather than derived. */
	static final Instant FROM = Instant.parse("2019-04-30T16:00:00Z");

	static final Instant TO = Instant.parse("2019-05-31T16:00:00Z");

	/** Online channels, written out rather than read from the code under test. */
	static final String ONLINE = "('WEB', 'MOBILE_WEB', 'OPEN311', 'DELEGATED')";

	@Autowired
	JdbcClient db;

	@Autowired
	RatingFigures figures;

	@BeforeAll
	void ratingsOfMay() {
		RatingRows rows = new RatingRows(db);
		Instant mid = Instant.parse("2019-05-15T02:00:00Z");
		// Just after midnight on 1 May in the city, still April in UTC: May's.
		rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 5, Instant.parse("2019-04-30T16:30:00Z"),
				false);
		// Just after midnight on 1 June in the city, still May in UTC: June's.
		rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 1, Instant.parse("2019-05-31T16:30:00Z"),
				false);
		int[] levels = { 5, 4, 4, 3, 2, 1, 5, 4, 2, 5 };
		String[] channels = { "WEB", "MOBILE_WEB", "COUNTER", "COUNTER", "WEB", "HOTLINE", "KIOSK", "DELEGATED", "WEB",
				"OPEN311" };
		for (int i = 0; i < levels.length; i++) {
			rows.rating(SubjectType.APPLICATION, "CA", i % 3 == 0 ? "CA-MAR-001" : "CA-ELD-001", null, channels[i],
					levels[i], mid.plusSeconds(i * 3600L), false);
		}
		for (int i = 0; i < 6; i++) {
			rows.rating(SubjectType.TICKET, "PS", "PS-ID-001", "HALL-EAST", i % 2 == 0 ? "COUNTER" : "WEB", 1 + i % 5,
					mid.plusSeconds(i * 60L), false);
		}
		// A complaint's rating has no matter: the city and the department count it.
		rows.rating(SubjectType.COMPLAINT, "UM", null, null, "HOTLINE", 2, mid, false);
		// Excluded by a supervisor: counted only as excluded, with its follow-up left
		// out.
		UUID excluded = rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 1, mid, true);
		rows.followUp(excluded, "CA", "REPLIED", mid, mid.plusSeconds(86400), mid.plusSeconds(3600), null, null);
		Instant late = Instant.parse("2019-05-28T02:00:00Z");
		UUID a = rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 2, mid, false);
		rows.followUp(a, "CA", "CLOSED", mid, late, mid.plusSeconds(7200), "PUT_RIGHT", late);
		UUID b = rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "COUNTER", 1, mid, false);
		rows.followUp(b, "CA", "REPLIED", mid, late, late.plusSeconds(3600), "NOT_PUT_RIGHT", late.plusSeconds(7200));
		UUID c = rows.rating(SubjectType.APPLICATION, "CA", "CA-MAR-001", null, "MOBILE_WEB", 2, mid, false);
		rows.followUp(c, "CA", "OPEN", mid, late, null, null, null);
		UUID d = rows.rating(SubjectType.TICKET, "PS", "PS-ID-001", "HALL-EAST", "COUNTER", 1, mid, false);
		rows.followUp(d, "PS", "WITHDRAWN", mid, late, null, null, null);
		// Opened in April, due in May, replied on time.
		UUID e = rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 1,
				Instant.parse("2019-04-29T02:00:00Z"), false);
		rows.followUp(e, "CA", "REPLIED", Instant.parse("2019-04-29T02:00:00Z"), Instant.parse("2019-05-07T10:00:00Z"),
				Instant.parse("2019-05-06T10:00:00Z"), null, null);
	}

	@Test
	void everyFigureOfTheMonthIsWhatTheRowsSay() {
		List<Figure> computed = figures.compute(MAY);
		Set<String> keys = new HashSet<>(figures.measures().stream().map(Measure::key).toList());
		assertThat(computed).allSatisfy(f -> assertThat(keys).contains(f.measure()));
		for (Figure f : computed) {
			Recomputed expected = recompute(f);
			assertThat(f.cases()).as("cases of " + f).isEqualTo(expected.cases());
			if (expected.value() == null) {
				assertThat(f.value()).as("value of " + f).isNull();
			}
			else {
				assertThat(f.value()).as("value of " + f).isNotNull().isCloseTo(expected.value(), within(1e-9));
			}
		}
		// Every cell that has ratings in the month has every ratings measure, and
		// nothing else has.
		Set<String> cells = new HashSet<>();
		for (String scope : List.of("CITY", "DEPARTMENT", "MATTER")) {
			for (ChannelGroup channel : ChannelGroup.values()) {
				String subject = switch (scope) {
					case "CITY" -> "''";
					case "DEPARTMENT" -> "department";
					default -> "service_code";
				};
				db.sql("SELECT DISTINCT " + subject + " FROM rating WHERE created_at >= :from AND created_at < :to AND "
						+ channel(channel) + (scope.equals("MATTER") ? " AND service_code IS NOT NULL" : ""))
					.param("from", java.sql.Timestamp.from(FROM))
					.param("to", java.sql.Timestamp.from(TO))
					.query(String.class)
					.list()
					.forEach(s -> cells.add(scope + "/" + s + "/" + channel));
			}
		}
		for (String measure : List.of("ratings.count", "ratings.satisfaction", "ratings.level-1", "ratings.level-5",
				"ratings.excluded")) {
			assertThat(computed.stream()
				.filter(f -> f.measure().equals(measure))
				.map(f -> f.scope() + "/" + f.subject() + "/" + f.channel())
				.toList()).as(measure).containsExactlyInAnyOrderElementsOf(cells);
		}
		// What the month holds, counted by hand.
		Map<String, Figure> city = new java.util.HashMap<>();
		computed.stream()
			.filter(f -> f.scope() == Scope.CITY && f.channel() == ChannelGroup.ALL)
			.forEach(f -> city.put(f.measure(), f));
		assertThat(city.get("ratings.count").value()).isEqualTo(22.0);
		assertThat(city.get("ratings.excluded").value()).isEqualTo(1.0);
		assertThat(city.get("ratings.follow-ups").value()).isEqualTo(3.0);
		assertThat(city.get("ratings.follow-ups.on-time").value()).isEqualTo(2.0 / 4);
		assertThat(city.get("ratings.follow-ups.put-right").value()).isEqualTo(1.0 / 2);
	}

	@Test
	void monthsChangeWhenTheirRowsDo() {
		assertThat(figures.monthsChangedSince(null)).contains(YearMonth.of(2019, 4), MAY, YearMonth.of(2019, 6));
		Instant since = Instant.now().plusSeconds(3600);
		assertThat(figures.monthsChangedSince(since)).doesNotContain(MAY);
		UUID changed = new RatingRows(db).rating(SubjectType.TICKET, "PS", "PS-ID-001", "HALL-EAST", "COUNTER", 4,
				Instant.parse("2019-05-20T02:00:00Z"), false);
		try {
			db.sql("UPDATE rating SET changed_at = :at WHERE id = :id")
				.param("at", java.sql.Timestamp.from(since.plusSeconds(60)))
				.param("id", changed)
				.update();
			assertThat(figures.monthsChangedSince(since)).containsExactly(MAY);
		}
		finally {
			db.sql("DELETE FROM rating WHERE id = :id").param("id", changed).update();
		}
	}

	record Recomputed(Double value, long cases) {
	}

	private Recomputed recompute(Figure f) {
		String rating = "r.created_at >= :from AND r.created_at < :to AND " + scope(f, "r.department") + " AND "
				+ channel(f.channel());
		String followUp = "NOT r.excluded AND f.status <> 'WITHDRAWN' AND " + scope(f, "f.department") + " AND "
				+ channel(f.channel());
		return switch (f.measure()) {
			case "ratings.count" -> count("SELECT count(*) FROM rating r WHERE NOT r.excluded AND " + rating, f);
			case "ratings.excluded" -> count("SELECT count(*) FROM rating r WHERE r.excluded AND " + rating, f);
			case "ratings.satisfaction" -> share(
					"SELECT count(*) FILTER (WHERE r.level IN (4, 5)), count(*) FROM rating r WHERE NOT r.excluded AND "
							+ rating,
					f);
			case "ratings.follow-ups" -> count("SELECT count(*) FROM follow_up f JOIN rating r ON r.id = f.rating_id "
					+ "WHERE f.opened_at >= :from AND f.opened_at < :to AND " + followUp, f);
			case "ratings.follow-ups.on-time" -> share(
					"SELECT count(*) FILTER (WHERE coalesce(f.first_replied_at, f.replied_at) <= f.reply_due), count(*) "
							+ "FROM follow_up f JOIN rating r ON r.id = f.rating_id WHERE f.reply_due >= :from "
							+ "AND f.reply_due < :to AND (coalesce(f.first_replied_at, f.replied_at) IS NOT NULL "
							+ "OR f.reply_due <= now()) AND " + followUp,
					f);
			case "ratings.follow-ups.put-right" ->
				share("SELECT count(*) FILTER (WHERE f.citizen_verdict = 'PUT_RIGHT'), count(*) FROM follow_up f "
						+ "JOIN rating r ON r.id = f.rating_id WHERE f.verdict_at >= :from AND f.verdict_at < :to AND "
						+ followUp, f);
			default -> {
				if (!f.measure().startsWith("ratings.level-")) {
					throw new AssertionError("Unknown measure " + f.measure());
				}
				int level = Integer.parseInt(f.measure().substring("ratings.level-".length()));
				yield count(
						"SELECT count(*) FROM rating r WHERE NOT r.excluded AND r.level = " + level + " AND " + rating,
						f);
			}
		};
	}

	private Recomputed count(String sql, Figure f) {
		long n = db.sql(sql).params(params(f)).query(Long.class).single();
		return new Recomputed((double) n, n);
	}

	private Recomputed share(String sql, Figure f) {
		long[] pw = db.sql(sql)
			.params(params(f))
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return new Recomputed(pw[1] == 0 ? null : (double) pw[0] / pw[1], pw[1]);
	}

	private static Map<String, Object> params(Figure f) {
		return Map.of("from", java.sql.Timestamp.from(FROM), "to", java.sql.Timestamp.from(TO), "subject", f.subject());
	}

	private static String scope(Figure f, String department) {
		return switch (f.scope()) {
			case CITY -> "TRUE";
			case DEPARTMENT -> department + " = :subject";
			case MATTER -> "r.service_code = :subject";
			case HALL -> "FALSE";
		};
	}

	private static String channel(ChannelGroup channel) {
		return switch (channel) {
			case ALL -> "TRUE";
			case ONLINE -> "channel IN " + ONLINE;
			case OFFLINE -> "channel NOT IN " + ONLINE;
		};
	}

}
