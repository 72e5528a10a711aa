package org.onestop.insight;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.onestop.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Twelve months of demo history (applications across matters and channels, hall visits,
 * appointments, assistant conversations, ratings with their causes and follow-ups) so
 * that {@code /figures} shows something real on first start. The rows come from one
 * set-based, deterministic script ({@code demo/history/history.sql}, also the figures
 * benchmark's generator), written into the other modules' tables as demo data may be.
 * Runs after every other demo loader, once per database whatever the nodes: one holds the
 * lock and writes, the other waits and finds the history there.
 */
@Component
@Profile("!prod")
@Order(90)
class HistoryDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(HistoryDemoData.class);

	static final String SCRIPT = "demo/history/history.sql";

	/** The first generated application: present when the history was written. */
	static final String FIRST_APPLICATION = "17a00000-0000-4000-8000-000000000001";

	private final JdbcClient db;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final HistoryProperties settings;

	private final Clock clock;

	private final ZoneId zone;

	HistoryDemoData(JdbcClient db, DataSource dataSource, TransactionTemplate transactions, HistoryProperties settings,
			Clock clock, PlatformProperties platform) {
		this.db = db;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.enabled()) {
			return;
		}
		Instant started = clock.instant();
		boolean written = Boolean.TRUE
			.equals(transactions.execute(status -> generate(settings, LocalDate.ofInstant(clock.instant(), zone))));
		if (written) {
			log.info("Demo history written in {} ms ({} applications)",
					Duration.between(started, clock.instant()).toMillis(), settings.applications());
		}
	}

	/**
	 * Writes the history ending the day before {@code today}, unless it is there already;
	 * the caller's transaction holds it (a failure leaves nothing behind).
	 * @return whether it wrote it
	 */
	boolean generate(HistoryProperties scale, LocalDate today) {
		db.sql("SELECT pg_advisory_xact_lock(hashtext('onestop.demo.history'))").query().singleRow();
		boolean present = db.sql("SELECT EXISTS (SELECT 1 FROM application WHERE id = :id::uuid)")
			.param("id", FIRST_APPLICATION)
			.query(Boolean.class)
			.single();
		if (present || scale.applications() == 0) {
			return false;
		}
		db.sql("""
				CREATE TEMP TABLE history_settings ON COMMIT DROP AS
				SELECT :applications::int AS applications, :tickets::int AS tickets,
				       :conversations::int AS conversations, :ratings::int AS ratings,
				       :today::date AS today, :zone::text AS zone""")
			.param("applications", scale.applications())
			.param("tickets", scale.tickets())
			.param("conversations", scale.conversations())
			.param("ratings", scale.ratings())
			.param("today", Date.valueOf(today))
			.param("zone", zone.getId())
			.update();
		// The script as a resource is data, run on the transaction's connection (where
		// history_settings lives), split by Spring's script reader.
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			ScriptUtils.executeSqlScript(connection,
					new EncodedResource(new ClassPathResource(SCRIPT), StandardCharsets.UTF_8));
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		// The history's rows carry past changed-at times, which no incremental refresh
		// would see: every source recomputes every month next time.
		db.sql("UPDATE insight_source SET refreshed_through = NULL, full_refreshed_at = NULL").update();
		return true;
	}

}
