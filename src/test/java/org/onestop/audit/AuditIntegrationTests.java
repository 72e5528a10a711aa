package org.onestop.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.shared.AuditableEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log is append-only, chained, and stays exact under concurrent writers and
 * sealers.
 */
@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditVerification verification;

	@Autowired
	CheckpointLog checkpoints;

	@Autowired
	JdbcClient db;

	@Autowired
	HikariDataSource pool;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	record TestEvent(String actor, String subject) implements AuditableEvent {

		@Override
		public String action() {
			return "test.event";
		}

		@Override
		public String summary() {
			return "written by a concurrency test";
		}
	}

	@Test
	void concurrentWritersAndSealersOnSeveralNodesKeepOneExactChain() throws Exception {
		int writers = 8;
		int perWriter = 60;
		long before = db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
		List<Future<?>> work = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			String actor = "writer-" + w;
			work.add(pool.submit(() -> {
				for (int i = 0; i < perWriter; i++) {
					int n = i;
					// Each entry in its own transaction, as each request would write it.
					transactions.executeWithoutResult(s -> events.publishEvent(new TestEvent(actor, "item:" + n)));
				}
				return null;
			}));
		}
		// Two sealers at once stand for two OneStop nodes sharing the database.
		for (int s = 0; s < 2; s++) {
			work.add(pool.submit((Callable<Integer>) () -> {
				int sealed = 0;
				for (int i = 0; i < 20; i++) {
					sealed += sealer.seal(false);
				}
				return sealed;
			}));
		}
		for (Future<?> f : work) {
			f.get();
		}
		pool.shutdown();

		AuditVerification.Verdict verdict = verification.verify();
		long total = db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
		assertThat(total - before).isGreaterThanOrEqualTo((long) writers * perWriter);
		assertThat(verdict.valid()).isTrue();
		assertThat(verdict.entries()).isEqualTo(total);
		assertThat(db.sql("SELECT count(DISTINCT seq) FROM audit_entry").query(Long.class).single()).isEqualTo(total);
		assertThat(db.sql("SELECT max(seq) FROM audit_entry").query(Long.class).single()).isEqualTo(total);
		// Sealers appending checkpoints at once leave whole lines, each signed.
		List<CheckpointLog.Line> lines = new ArrayList<>();
		checkpoints.read(lines::add);
		assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.authentic()).isTrue());
	}

	@Test
	void anEntryAlteredInTheDatabaseIsFoundByVerification() throws Exception {
		transactions.executeWithoutResult(s -> events.publishEvent(new TestEvent("tamper-test", "victim")));
		sealer.seal(true);
		long victim = db.sql("SELECT id FROM audit_entry WHERE actor = 'tamper-test' ORDER BY id DESC LIMIT 1")
			.query(Long.class)
			.single();
		String auditor = "Bearer " + Tokens.of(mvc, "auditor");
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.entries").isNumber())
			.andExpect(jsonPath("$.sampled").isNumber());

		String original = alterSummary(victim, "nothing happened here");
		try {
			// The call above marked the victim verified: only the whole walk surely finds
			// a change made below the mark.
			mvc.perform(get("/api/v1/audit/verify").param("full", "true").header("Authorization", auditor))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.walkedFrom").value(1))
				.andExpect(jsonPath("$.valid").value(false))
				.andExpect(jsonPath("$.firstBrokenEntry").value(victim));
		}
		finally {
			alterSummary(victim, original);
		}
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void verifyingGivesEveryConnectionBack() {
		// More verifications than the pool has connections: one kept by each would
		// leave the platform none (verify compares the checkpoint file's entries with
		// the rows, so there must be a checkpoint to compare).
		transactions.executeWithoutResult(s -> events.publishEvent(new TestEvent("pool-test", "one entry")));
		sealer.seal(true);
		for (int i = 0; i < pool.getMaximumPoolSize() + 5; i++) {
			assertThat(verification.verify().valid()).isTrue();
		}
	}

	@Test
	void theApplicationCannotChangeOrRemoveEntries() {
		transactions.executeWithoutResult(s -> events.publishEvent(new TestEvent("guard-test", "x")));
		sealer.seal(true);
		assertThatThrownBy(() -> db.sql("UPDATE audit_entry SET summary = 'x' WHERE actor = 'guard-test'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> db.sql("DELETE FROM audit_entry WHERE actor = 'guard-test'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(
				() -> db.sql("UPDATE audit_entry SET hash = 'x', seq = seq WHERE actor = 'guard-test'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> db.sql("TRUNCATE audit_entry").update()).hasMessageContaining("append-only");
	}

	@Test
	void readsOfRegistryDataAreAuditedWithTheirPurpose() throws Exception {
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.ps");
		mvc.perform(get("/api/v1/registry/residents/110108195404123061").param("purpose", "pension check by phone")
			.header("Authorization", clerk)).andExpect(status().isOk());
		assertThat(db.sql("""
				SELECT summary FROM audit_entry WHERE actor = 'clerk.ps' AND action = 'registry.population.read'
				AND subject = 'resident:110108195404123061' ORDER BY id DESC LIMIT 1""").query(String.class).single())
			.contains("pension check by phone")
			.contains("110108********3061")
			.doesNotContain("19540412");
	}

	/**
	 * Changes a sealed entry the way an intruder with database access would: bypassing
	 * the append-only trigger. Answers the old summary.
	 */
	private String alterSummary(long id, String summary) {
		return transactions.execute(s -> {
			String old = db.sql("SELECT summary FROM audit_entry WHERE id = :id")
				.param("id", id)
				.query(String.class)
				.single();
			jdbc.execute("SET LOCAL session_replication_role = replica");
			db.sql("UPDATE audit_entry SET summary = :s WHERE id = :id").param("s", summary).param("id", id).update();
			return old;
		});
	}

}
