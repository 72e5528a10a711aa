package org.onestop.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attacks of issue 11, done the way an intruder with a database superuser would: the
 * append-only trigger switched off ({@code session_replication_role = replica}), then the
 * newest sealed rows deleted, or an old entry changed and every later hash recomputed
 * with plain SHA-256 exactly as the old sealer did.
 * <p>
 * The database and the application are shared by every integration test, so no attack may
 * outlive its test: each runs in one transaction that is rolled back, and verification
 * runs inside it, on the same connection (MockMvc calls run on the test's thread and so
 * join that transaction too). The transaction first takes the sealers' advisory lock, so
 * no scheduled sealer chains new entries onto tampered rows meanwhile; whatever
 * verification seals inside it is rolled back with it, and its checkpoints are only
 * written after a commit, so none is. The checkpoint file is outside the database: the
 * rollback cannot undo it, which is the point, and it only ever holds checkpoints of
 * committed rows.
 */
@IntegrationTest
class AuditTamperingIntegrationTests {

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
	AuditKeys keys;

	@Autowired
	AuditStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	String auditor;

	@BeforeEach
	void signIn() throws Exception {
		auditor = "Bearer " + Tokens.of(mvc, "auditor");
	}

	@Test
	void deletingTheNewestSealedEntriesIsReportedAndTheirPositionsAreNotGivenOutAgain() throws Exception {
		long head = anchoredHeadAfter("truncate-test", 3);
		long[] next = new long[1];
		List<Findings.Finding> found = tampered(() -> {
			jdbc.update("DELETE FROM audit_entry WHERE seq > ?", head - 3);
			perform(get("/api/v1/audit/verify").header("Authorization", auditor).header("Accept-Language", "en"),
					jsonPath("$.valid").value(false), jsonPath("$.findings[0].kind").value("truncated"),
					jsonPath("$.findings[0].toSeq").value(head),
					jsonPath("$.findings[0].message").value(containsString("The newest entries were deleted")));
			// The next entry must not take one of the deleted positions, which the
			// checkpoint names.
			events.publishEvent(new AuditIntegrationTests.TestEvent("truncate-test", "after the deletion"));
			sealer.seal(true);
			next[0] = jdbc.queryForObject("SELECT seq FROM audit_entry WHERE subject = 'after the deletion'",
					Long.class);
			return verification.verify().findings();
		});
		assertThat(next[0]).isGreaterThan(head);
		assertThat(found).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.TRUNCATED);
			assertThat(f.to()).isEqualTo(head);
		});
		assertThat(found).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REMOVED);
			assertThat(f.from()).isEqualTo(head - 2);
			assertThat(f.to()).isEqualTo(head);
		});
		assertThat(verification.verify().valid()).as("intact again once the deletion is rolled back").isTrue();
	}

	@Test
	void rewritingAnEntryAndRecomputingEveryLaterHashWithPlainSha256IsReported() throws Exception {
		long head = anchoredHeadAfter("rewrite-test", 4);
		long victimSeq = head - 3;
		long victim = jdbc.queryForObject("SELECT id FROM audit_entry WHERE seq = ?", Long.class, victimSeq);
		tampered(() -> {
			jdbc.update("UPDATE audit_entry SET summary = 'nothing happened here' WHERE id = ?", victim);
			recomputeWithPlainSha256From(victimSeq);
			perform(get("/api/v1/audit/verify").header("Authorization", auditor).header("Accept-Language", "zh-CN"),
					jsonPath("$.valid").value(false), jsonPath("$.firstBrokenEntry").value(victim),
					jsonPath("$.findings[*].kind").value(hasItem("rewritten")),
					jsonPath("$.findings[?(@.kind == 'rewritten')].fromSeq").value(hasItem((int) victimSeq)),
					jsonPath("$.findings[?(@.kind == 'rewritten')].message").value(hasItem(containsString("在封存后被改动"))));
			// Marking the rewritten entries as sealed before the key existed does not
			// help either.
			jdbc.update("UPDATE audit_entry SET key_id = NULL WHERE seq >= ?", victimSeq);
			assertThat(verification.verify().findings()).anySatisfy(f -> {
				assertThat(f.kind()).isEqualTo(Findings.Kind.REWRITTEN);
				assertThat(f.from()).isEqualTo(victimSeq);
				assertThat(f.to()).isGreaterThanOrEqualTo(head);
			});
			return null;
		});
		assertThat(verification.verify().valid()).as("intact again once the rewrite is rolled back").isTrue();
	}

	/**
	 * Every field an entry records is under its seal: change any one of them, leave the
	 * seal as it was (nobody outside holds the key to make a new one), and verification
	 * names the entry.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "occurred_at = occurred_at - interval '1 second'", "actor = 'someone else'",
			"action = 'audit.nothing'", "subject = 'another subject'", "summary = 'nothing happened here'" })
	void changingAnyOneFieldOfASealedEntryIsReported(String change) {
		long head = anchoredHeadAfter("field-test", 2);
		long victimSeq = head - 1;
		List<Findings.Finding> found = tampered(() -> {
			jdbc.update("UPDATE audit_entry SET " + change + " WHERE seq = ?", victimSeq);
			return verification.verify().findings();
		});
		assertThat(found).as(change).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REWRITTEN);
			assertThat(f.from()).isEqualTo(victimSeq);
		});
		assertThat(verification.verify().valid()).as("intact again once the change is rolled back").isTrue();
	}

	@Test
	void aPositionSealedAgainAfterItsEntryWasDeletedIsReportedAsReused() {
		long head = anchoredHeadAfter("reuse-test", 2);
		List<Findings.Finding> found = tampered(() -> {
			jdbc.update("DELETE FROM audit_entry WHERE seq = ?", head);
			// What the old sealer did next: the following entry took the deleted
			// position, properly sealed.
			long id = jdbc.queryForObject("""
					INSERT INTO audit_entry (occurred_at, actor, action, subject, summary)
					VALUES (now(), 'reuse-test', 'test.event', 'in a reused position', 'sealed twice') RETURNING id""",
					Long.class);
			ChainedEntry entry = jdbc.queryForObject(
					"SELECT id, occurred_at, actor, action, subject, summary FROM audit_entry WHERE id = ?",
					(rs, n) -> new ChainedEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
							rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
							rs.getString("summary")),
					id);
			String previous = jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = ?", String.class, head - 1);
			jdbc.update("UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ?, key_id = ? WHERE id = ?", head,
					previous, entry.mac(keys.current(), head, previous), keys.current().id(), id);
			return verification.verify().findings();
		});
		assertThat(found).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REUSED);
			assertThat(f.from()).isEqualTo(head);
		});
		assertThat(found).noneSatisfy(f -> assertThat(f.kind()).isEqualTo(Findings.Kind.REWRITTEN));
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void checkpointsCanBePolledAndEachIsSigned() throws Exception {
		long head = anchoredHeadAfter("poll-test", 1);
		perform(get("/api/v1/audit/checkpoints").param("after", Long.toString(head - 1))
			.header("Authorization", auditor), jsonPath("$.checkpoints[0].seq").value((int) head),
				jsonPath("$.checkpoints[0].sig").isString(),
				jsonPath("$.checkpoints[0].key").value(keys.current().id()), jsonPath("$.head.sig").isString());
		mvc.perform(get("/api/v1/audit/checkpoints").param("limit", "0")
			.header("Authorization", auditor)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.ps");
		mvc.perform(get("/api/v1/audit/checkpoints").header("Authorization", clerk)).andExpect(status().isForbidden());
	}

	@Test
	void movingTheCheckpointFileAwayKeepsTheNewestCheckpointSoDeletionsStayVisible() throws Exception {
		long head = anchoredHeadAfter("rotate-test", 3);
		java.util.Optional<Checkpoint> remembered = transactions.execute(s -> store.newestCheckpoint());
		assertThat(remembered).as("the database remembers the newest checkpoint, signed as in the file")
			.hasValueSatisfying(c -> {
				assertThat(c.seq()).isGreaterThanOrEqualTo(head);
				assertThat(c.authentic(keys)).isTrue();
			});
		java.nio.file.Path shipped = checkpoints.file().resolveSibling(checkpoints.file().getFileName() + ".shipped");
		java.nio.file.Files.move(checkpoints.file(), shipped);
		perform(get("/api/v1/audit/verify").header("Authorization", auditor), jsonPath("$.valid").value(true));
		assertThat(highestCheckpoint()).as("carried over into the new file").isGreaterThanOrEqualTo(head);
		List<Findings.Finding> found = tampered(() -> {
			jdbc.update("DELETE FROM audit_entry WHERE seq > ?", head - 2);
			return verification.verify().findings();
		});
		assertThat(found).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.TRUNCATED);
			assertThat(f.to()).isGreaterThanOrEqualTo(head);
		});
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void aCheckpointWriteCutShortByACrashIsANoteNotAFinding() throws Exception {
		anchoredHeadAfter("torn-test", 1);
		java.nio.file.Files.writeString(checkpoints.file(), "{\"v\":1,\"seq\":",
				java.nio.file.StandardOpenOption.APPEND);
		anchoredHeadAfter("torn-test", 1);
		List<CheckpointLog.Line> torn = new java.util.ArrayList<>();
		checkpoints.read(line -> {
			if (line.kind() == CheckpointLog.Line.Kind.TORN) {
				torn.add(line);
			}
		});
		assertThat(torn).hasSize(1);
		long tornAt = torn.get(0).offset();
		perform(get("/api/v1/audit/verify").header("Authorization", auditor).header("Accept-Language", "en"),
				jsonPath("$.valid").value(true), jsonPath("$.findings").doesNotExist(),
				jsonPath("$.notes[*].kind").value(hasItem("torn-line")),
				jsonPath("$.notes[*].byteOffset").value(hasItem((int) tornAt)),
				jsonPath("$.notes[*].message").value(hasItem(containsString("byte offset " + tornAt))));
	}

	/**
	 * Writes entries, seals them, and waits until a checkpoint names the head: a
	 * scheduled sealer may have sealed them first and still be writing its checkpoint.
	 * Answers the head.
	 */
	private long anchoredHeadAfter(String actor, int entries) {
		for (int i = 0; i < entries; i++) {
			int n = i;
			transactions.executeWithoutResult(
					s -> events.publishEvent(new AuditIntegrationTests.TestEvent(actor, "item:" + n)));
		}
		sealer.seal(true);
		long head = jdbc.queryForObject("SELECT max(seq) FROM audit_entry", Long.class);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (highestCheckpoint() < head) {
			assertThat(Instant.now()).as("a checkpoint names entry " + head).isBefore(deadline);
			sleep();
		}
		return head;
	}

	private long highestCheckpoint() {
		try {
			return checkpoints.highest().map(Checkpoint::seq).orElse(0L);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Runs the attack and what inspects it in one transaction, as a superuser past the
	 * trigger, then rolls back.
	 */
	private <T> T tampered(Supplier<T> attackAndInspect) {
		return transactions.execute(status -> {
			jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", AuditStore.SEAL_LOCK);
			jdbc.execute("SET LOCAL session_replication_role = replica");
			try {
				return attackAndInspect.get();
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	/**
	 * What the old sealer computed, applied from one position to the head: SHA-256 links
	 * anyone can recompute.
	 */
	private void recomputeWithPlainSha256From(long from) {
		String previous = jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = ?", String.class, from - 1);
		List<long[]> positions = jdbc.query("SELECT id, seq FROM audit_entry WHERE seq >= ? ORDER BY seq",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }, from);
		for (long[] position : positions) {
			ChainedEntry entry = jdbc.queryForObject(
					"SELECT id, occurred_at, actor, action, subject, summary FROM audit_entry WHERE id = ?",
					(rs, n) -> new ChainedEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
							rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
							rs.getString("summary")),
					position[0]);
			String hash = entry.hash(position[1], previous);
			jdbc.update("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", previous, hash, position[0]);
			previous = hash;
		}
	}

	private void perform(org.springframework.test.web.servlet.RequestBuilder request,
			org.springframework.test.web.servlet.ResultMatcher... expectations) {
		try {
			mvc.perform(request).andExpect(status().isOk()).andExpectAll(expectations);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
