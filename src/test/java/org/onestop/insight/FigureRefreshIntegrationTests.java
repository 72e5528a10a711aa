package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.insight.SampleFigureSources.Sample;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refresh against the table: a month replaced whole, the progress recorded as the
 * refresh's start, two nodes at once storing each month once, and a failing source that
 * keeps no other stale.
 */
@IntegrationTest
class FigureRefreshIntegrationTests {

	@Autowired
	FigureRefresh refresh;

	@Autowired
	Figures figures;

	@Autowired
	JdbcClient db;

	@Autowired
	TestClock clock;

	@Autowired
	@Qualifier("sampleFigureSource")
	Sample sample;

	@Autowired
	@Qualifier("brokenFigureSource")
	Sample broken;

	@BeforeEach
	@AfterEach
	void clean() {
		clock.reset();
		sample.reset();
		broken.reset();
		db.sql("UPDATE insight_source SET lease_owner = NULL, lease_until = NULL").update();
	}

	@Test
	void aChangedMonthIsReplacedWholeAndProgressIsTheRefreshesStart() {
		YearMonth month = figures.currentMonth().minusMonths(2);
		sample.changed.add(month);
		sample.figures.put(month,
				List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 30),
						visits(Scope.DEPARTMENT, "CA", ChannelGroup.ALL, 20),
						visits(Scope.DEPARTMENT, "PS", ChannelGroup.ALL, 10)));
		Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
		refresh.refreshAll("node-a");
		Instant after = clock.instant();
		assertThat(stored(month)).containsExactlyInAnyOrder("CITY||ALL=30", "DEPARTMENT|CA|ALL=20",
				"DEPARTMENT|PS|ALL=10");
		long revision = revision();
		Instant start = refreshedThrough();
		assertThat(start).isBetween(before, after);

		// PS had nothing more; CA changed: the month is the new computation, nothing left
		// of the old.
		sample.figures.put(month, List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 25),
				visits(Scope.DEPARTMENT, "CA", ChannelGroup.ALL, 25)));
		refresh.refreshAll("node-a");
		assertThat(stored(month)).containsExactlyInAnyOrder("CITY||ALL=25", "DEPARTMENT|CA|ALL=25");
		assertThat(revision()).isEqualTo(revision + 1);
		// The next refresh asks from before the last one began: transactions still
		// committing then are seen.
		assertThat(sample.asked.get(sample.asked.size() - 1)).isEqualTo(start.minusSeconds(300));

		// Nothing changed since: progress is recorded, but the revision (the pages' cache
		// key on every node) stays, so the caches survive a quiet minute.
		sample.changed.clear();
		refresh.refreshAll("node-a");
		assertThat(revision()).isEqualTo(revision + 1);
		assertThat(refreshedThrough()).isAfter(start);
	}

	@Test
	void monthsOlderThanTwoYearsAreNotComputed() {
		YearMonth old = figures.currentMonth().minusMonths(30);
		sample.changed.add(old);
		sample.figures.put(old, List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 9)));
		refresh.refreshAll("node-a");
		assertThat(sample.computed.get()).isZero();
		assertThat(stored(old)).isEmpty();
	}

	@Test
	void twoNodesAtOnceStoreEachMonthOnceAndLoseNothing() throws Exception {
		YearMonth month = figures.currentMonth().minusMonths(3);
		sample.changed.add(month);
		sample.figures.put(month, List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 7),
				visits(Scope.CITY, "", ChannelGroup.ONLINE, 4), visits(Scope.CITY, "", ChannelGroup.OFFLINE, 3)));
		sample.gate = new CountDownLatch(1);
		sample.entered = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> a = pool.submit(() -> refresh.refreshAll("node-a"));
			assertThat(sample.entered.await(30, TimeUnit.SECONDS)).isTrue();
			// Node B comes while A holds the sample's lease: it leaves the sample alone.
			refresh.refreshAll("node-b");
			assertThat(sample.computed.get()).isEqualTo(1);
			sample.gate.countDown();
			a.get(30, TimeUnit.SECONDS);
		}
		finally {
			sample.gate.countDown();
			pool.shutdownNow();
		}
		assertThat(stored(month)).containsExactlyInAnyOrder("CITY||ALL=7", "CITY||ONLINE=4", "CITY||OFFLINE=3");
		// A change written meanwhile is picked up by whichever node comes next.
		sample.gate = null;
		sample.figures.put(month, List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 8)));
		refresh.refreshAll("node-b");
		assertThat(stored(month)).containsExactly("CITY||ALL=8");
	}

	@Test
	void aNodeWhoseLeaseWasTakenOverCannotOverwrite() {
		YearMonth month = figures.currentMonth().minusMonths(4);
		Instant now = clock.instant();
		FigureStore store = storeOf();
		assertThat(store.lease("sample", "node-a", now, now.plusSeconds(300))).isNotNull();
		assertThat(store.lease("sample", "node-b", now.plusSeconds(10), now.plusSeconds(310))).isNull();
		// A's lease ran out: B takes it, and A's late write is refused.
		assertThat(store.lease("sample", "node-b", now.plusSeconds(301), now.plusSeconds(600))).isNotNull();
		assertThat(store.replace("sample", "node-a", month, List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 1))))
			.isFalse();
		assertThat(store.refreshed("sample", "node-a", now, false, true)).isFalse();
		store.release("sample", "node-b");
	}

	@Test
	void aFailingSourceIsSkippedAndTheOthersRefresh() {
		YearMonth month = figures.currentMonth().minusMonths(5);
		broken.failing = true;
		broken.changed.add(month);
		sample.changed.add(month);
		sample.figures.put(month, List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 11)));
		refresh.refreshAll("node-a");
		assertThat(stored(month)).containsExactly("CITY||ALL=11");
		// Its lease is let go, so the next round (any node) tries again.
		assertThat(
				db.sql("SELECT lease_owner FROM insight_source WHERE source = 'broken'").query(String.class).optional())
			.isEmpty();
		broken.failing = false;
		broken.figures.put(month, List.of(new Figure("broken.count", Scope.CITY, "", ChannelGroup.ALL, 2.0, 2)));
		refresh.refreshAll("node-b");
		assertThat(db.sql("SELECT count(*) FROM insight_figure WHERE source = 'broken' AND month = :m")
			.param("m", Date.valueOf(month.atDay(1)))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void eachMonthIsComputedReadOnlyUnderItsOwnStatementTimeout() {
		YearMonth month = figures.currentMonth().minusMonths(6);
		sample.changed.add(month);
		List<String> seen = new java.util.ArrayList<>();
		sample.onCompute = () -> seen.add(db.sql("""
				SELECT current_setting('statement_timeout') || '|' || current_setting('transaction_read_only')
				       || '|' || current_setting('jit')""").query(String.class).single());
		refresh.refreshAll("node-a");
		assertThat(seen).containsExactly("10min|on|off");
		// Outside the computation the pool's own timeout holds.
		assertThat(db.sql("SELECT current_setting('statement_timeout')").query(String.class).single())
			.isNotEqualTo("10min");
	}

	@Test
	void aSourceIsRecomputedWholeOnceADay() {
		sample.changed.add(figures.currentMonth().minusMonths(7));
		db.sql("UPDATE insight_source SET full_refreshed_at = NULL WHERE source = 'sample'").update();
		refresh.refreshAll("node-a");
		assertThat(sample.asked.get(sample.asked.size() - 1)).as("never recomputed whole: every month").isNull();
		Instant whole = db.sql("SELECT full_refreshed_at FROM insight_source WHERE source = 'sample'")
			.query(Timestamp.class)
			.single()
			.toInstant();
		refresh.refreshAll("node-a");
		assertThat(sample.asked.get(sample.asked.size() - 1)).as("within the day: the changed months").isNotNull();
		// A day has passed since (the test clock moves only back: the record is moved).
		db.sql("UPDATE insight_source SET full_refreshed_at = :at WHERE source = 'sample'")
			.param("at", Timestamp.from(whole.minus(java.time.Duration.ofDays(1)).minusSeconds(1)))
			.update();
		refresh.refreshAll("node-a");
		assertThat(sample.asked.get(sample.asked.size() - 1)).as("a day later: every month again").isNull();
	}

	@Test
	void theLeaseIsRenewedBeforeEachMonthSoALongRefreshKeepsIt() throws Exception {
		YearMonth month = figures.currentMonth().minusMonths(8);
		for (int i = 0; i < 3; i++) {
			sample.changed.add(month.minusMonths(i));
			sample.figures.put(month.minusMonths(i), List.of(visits(Scope.CITY, "", ChannelGroup.ALL, 5 + i)));
		}
		List<Boolean> otherNodeGotIt = new java.util.ArrayList<>();
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			// Each month takes four minutes of a five-minute lease: twelve in all (from
			// an
			// hour ago, as the test clock moves only back).
			clock.moveTo(clock.instant().minusSeconds(3600));
			sample.onCompute = () -> {
				clock.moveTo(clock.instant().plusSeconds(240));
				try {
					otherNodeGotIt.add(
							other
								.submit(() -> figureStore.lease("sample", "node-b", clock.instant(),
										clock.instant().plusSeconds(300)) != null)
								.get(30, TimeUnit.SECONDS));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			};
			assertThat(refresh.refreshAll("node-a")).isGreaterThanOrEqualTo(1);
		}
		finally {
			other.shutdownNow();
		}
		assertThat(otherNodeGotIt).containsExactly(false, false, false);
		assertThat(stored(month)).containsExactly("CITY||ALL=5");
		assertThat(stored(month.minusMonths(2))).containsExactly("CITY||ALL=7");
	}

	@Test
	void aNodeThatLostItsLeaseMidRefreshStops() throws Exception {
		YearMonth month = figures.currentMonth().minusMonths(9);
		sample.changed.add(month);
		sample.changed.add(month.minusMonths(1));
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			// The first month outlasts the lease and node B takes it over meanwhile.
			clock.moveTo(clock.instant().minusSeconds(3600));
			sample.onCompute = () -> {
				clock.moveTo(clock.instant().plusSeconds(360));
				try {
					assertThat(other
						.submit(() -> figureStore.lease("sample", "node-b", clock.instant(),
								clock.instant().plusSeconds(300)))
						.get(30, TimeUnit.SECONDS)).isNotNull();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			};
			refresh.refreshAll("node-a");
		}
		finally {
			other.shutdownNow();
		}
		assertThat(sample.computed.get()).isEqualTo(1);
		assertThat(
				db.sql("SELECT lease_owner FROM insight_source WHERE source = 'sample'").query(String.class).single())
			.isEqualTo("node-b");
	}

	@Autowired
	FigureStore figureStore;

	private FigureStore storeOf() {
		return figureStore;
	}

	static Figure visits(Scope scope, String subject, ChannelGroup channel, long n) {
		return new Figure("sample.visits", scope, subject, channel, (double) n, n);
	}

	private List<String> stored(YearMonth month) {
		return db.sql("""
				SELECT scope || '|' || subject || '|' || channel || '=' || value FROM insight_figure
				WHERE source = 'sample' AND month = :month""")
			.param("month", Date.valueOf(month.atDay(1)))
			.query(String.class)
			.list();
	}

	private long revision() {
		return db.sql("SELECT revision FROM insight_source WHERE source = 'sample'").query(Long.class).single();
	}

	private Instant refreshedThrough() {
		return db.sql("SELECT refreshed_through FROM insight_source WHERE source = 'sample'")
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

}
