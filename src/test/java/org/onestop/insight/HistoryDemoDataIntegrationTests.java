package org.onestop.insight;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.PlatformProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo history at a tiny scale on the test database, each run in a transaction that
 * is rolled back: it satisfies every table's constraints, is the same twice, is written
 * once, and is plausible where the figures read it.
 */
@IntegrationTest
class HistoryDemoDataIntegrationTests {

	private static final HistoryProperties TINY = new HistoryProperties(true, 300, 420, 200, 450);

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Autowired
	JdbcClient db;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PlatformProperties platform;

	@Autowired
	Clock clock;

	@Autowired
	HistoryDemoData loaded;

	private HistoryDemoData history() {
		return new HistoryDemoData(db, dataSource, transactions, TINY, clock, platform);
	}

	private long count(String sql) {
		JdbcClient.StatementSpec statement = db.sql(sql);
		return (sql.contains(":today") ? statement.param("today", Date.valueOf(TODAY)) : statement).query(Long.class)
			.single();
	}

	/** What the history wrote, by table, with a digest of the values the figures read. */
	private Map<String, Object> fingerprint() {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("applications", db.sql("""
				SELECT count(*) || ':' || md5(string_agg(concat_ws('|', id, service_code, status, channel, submitted_at,
				       decided_at, working_days_to_decision, supplement_rounds, sources), ',' ORDER BY id))
				FROM application WHERE id::text LIKE '17a00000-%'""").query(String.class).single());
		f.put("tickets", db.sql("""
				SELECT count(*) || ':' || md5(string_agg(concat_ws('|', id, hall, kind, channel, arrived_at,
				       first_called_at, completed_at, application_id), ',' ORDER BY id))
				FROM queue_ticket WHERE id::text LIKE '17a30000-%'""").query(String.class).single());
		f.put("ratings", db.sql("""
				SELECT count(*) || ':' || md5(string_agg(concat_ws('|', id, subject_type, subject_id, level, reasons,
				       verified, created_at), ',' ORDER BY id))
				FROM rating WHERE id::text LIKE '17a60000-%'""").query(String.class).single());
		f.put("causes", count("SELECT count(*) FROM rating_cause WHERE rating_id::text LIKE '17a60000-%'"));
		f.put("follow-ups", count("SELECT count(*) FROM follow_up WHERE id::text LIKE '17a70000-%'"));
		f.put("trips", count("SELECT count(*) FROM application_trip WHERE recorded_by = 'history'"));
		f.put("conversations", count("SELECT count(*) FROM assistant_conversation WHERE id::text LIKE '17a50000-%'"));
		return f;
	}

	private Map<String, Object> generateAndRollBack() {
		return transactions.execute(status -> {
			status.setRollbackOnly();
			assertThat(history().generate(TINY, TODAY)).isTrue();
			return fingerprint();
		});
	}

	@Test
	void theSameSettingsGiveTheSameRows() {
		Map<String, Object> first = generateAndRollBack();
		Map<String, Object> second = generateAndRollBack();

		assertThat(second).isEqualTo(first);
		assertThat((String) first.get("applications")).startsWith("300:");
		assertThat((String) first.get("tickets")).startsWith("420:");
		assertThat((long) first.get("conversations")).isEqualTo(200);
		assertThat((long) first.get("causes")).isPositive();
		assertThat((long) first.get("follow-ups")).isPositive();
		assertThat((long) first.get("trips")).isPositive();
	}

	@Test
	void itIsWrittenOnceAndNeverInTheTestsOnItsOwn() {
		// The tests switch it off: starting the context wrote nothing.
		loaded.run(new DefaultApplicationArguments());
		assertThat(count("SELECT count(*) FROM application WHERE id = '" + HistoryDemoData.FIRST_APPLICATION + "'"))
			.isZero();
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			assertThat(history().generate(TINY, TODAY)).isTrue();
			Map<String, Object> once = fingerprint();
			assertThat(history().generate(TINY, TODAY)).isFalse();
			assertThat(fingerprint()).isEqualTo(once);
		});
	}

	@Test
	void theHistoryIsPlausibleWhereTheFiguresReadIt() {
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			history().generate(TINY, TODAY);
			// Everything lies in the twelve months before today, and nothing is left for
			// staff to work on.
			assertThat(count("""
					SELECT count(*) FROM application WHERE id::text LIKE '17a00000-%'
					AND (decided_at IS NULL OR decided_at >= :today::timestamptz
					     OR submitted_at < :today::timestamptz - interval '366 days'
					     OR status NOT IN ('APPROVED', 'REJECTED'))""")).isZero();
			assertThat(count(
					"SELECT count(*) FROM follow_up WHERE id::text LIKE '17a70000-%' AND status IN ('OPEN', 'CONTACTED')"))
				.isZero();
			// Online and offline both appear, with the online share rising over the year.
			assertThat(count("""
					SELECT count(DISTINCT channel) FROM application WHERE id::text LIKE '17a00000-%'"""))
				.isGreaterThanOrEqualTo(5);
			assertThat(db.sql("""
					SELECT avg((channel IN ('WEB', 'MOBILE_WEB', 'DELEGATED'))::int)
					           FILTER (WHERE submitted_at >= :today::timestamptz - interval '120 days')
					     > avg((channel IN ('WEB', 'MOBILE_WEB', 'DELEGATED'))::int)
					           FILTER (WHERE submitted_at < :today::timestamptz - interval '240 days')
					FROM application WHERE id::text LIKE '17a00000-%'""")
				.param("today", Date.valueOf(TODAY))
				.query(Boolean.class)
				.single()).isTrue();
			// Trips are the completed tickets of each application, as the burden view
			// counts them.
			assertThat(count("""
					SELECT count(*) FROM application_burden b
					WHERE b.application_id::text LIKE '17a00000-%' AND b.trips <> (SELECT count(*) FROM queue_ticket t
					      WHERE t.application_id = b.application_id AND t.status = 'COMPLETED')""")).isZero();
			// Every bad verified rating is followed up once; anonymous ones are counted
			// and never followed up.
			assertThat(count("""
					SELECT count(*) FROM rating r WHERE r.id::text LIKE '17a60000-%' AND r.level <= 2 AND r.verified
					AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.rating_id = r.id)""")).isZero();
			assertThat(count("""
					SELECT count(*) FROM follow_up f JOIN rating r ON r.id = f.rating_id
					WHERE f.id::text LIKE '17a70000-%' AND (NOT r.verified OR r.level > 2)""")).isZero();
			// Every level is given, and bad ratings carry causes.
			assertThat(count("SELECT count(DISTINCT level) FROM rating WHERE id::text LIKE '17a60000-%'")).isEqualTo(5);
			assertThat(count("""
					SELECT count(*) FROM rating r WHERE r.id::text LIKE '17a60000-%' AND r.level <= 2
					AND NOT EXISTS (SELECT 1 FROM rating_cause c WHERE c.rating_id = r.id)""")).isZero();
		});
	}

}
