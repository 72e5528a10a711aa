package org.onestop.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification walks on from the last verified mark (issue 18: a grown log of ten million
 * entries took minutes a call), on the real PostgreSQL. A change after the mark is found
 * by the next call; one before it by the random sample each call re-checks below the mark
 * when the sample covers it, and surely by the whole walk, which runs nightly and on
 * request. Every attack runs in a transaction that is rolled back, as in
 * {@link AuditTamperingIntegrationTests}.
 */
@IntegrationTest
class AuditIncrementalVerificationIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditVerification verification;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AuditStore store;

	@Autowired
	AuditKeys keys;

	@Autowired
	CheckpointLog checkpoints;

	@Autowired
	VerifiedMarkStore marks;

	@Autowired
	Clock clock;

	@Test
	void aChangeAfterTheMarkIsFoundWithoutWalkingFromTheStart() {
		long marked = markedHead();
		long head = appended("incremental-after", 3);
		long victimSeq = head - 1;
		AuditVerification.Verdict verdict = tampered(() -> {
			jdbc.update("UPDATE audit_entry SET summary = 'nothing happened here' WHERE seq = ?", victimSeq);
			return verification.verify(false);
		});
		assertThat(verdict.from()).as("walked on from the mark").isEqualTo(marked + 1);
		assertThat(verdict.findings()).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REWRITTEN);
			assertThat(f.from()).isEqualTo(victimSeq);
		});
		assertThat(verification.verify(false).valid()).as("intact again once the change is rolled back").isTrue();
	}

	@Test
	void withoutASampleAChangeBeforeTheMarkIsLeftToTheWholeWalkWhichFindsIt() {
		AuditVerification unsampled = sampling(0);
		appended("incremental-before", 3);
		long marked = markedHead();
		long victimSeq = marked - 1;
		AuditVerification.Verdict[] verdicts = tampered(() -> {
			jdbc.update("UPDATE audit_entry SET summary = 'nothing happened here' WHERE seq = ?", victimSeq);
			return new AuditVerification.Verdict[] { unsampled.verify(false), unsampled.verify(true) };
		});
		assertThat(verdicts[0].from()).isGreaterThan(victimSeq);
		assertThat(verdicts[0].sampled()).isZero();
		assertThat(verdicts[0].valid()).as("what the mark covers is not walked again").isTrue();
		assertThat(verdicts[1].from()).isEqualTo(1);
		assertThat(verdicts[1].findings()).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REWRITTEN);
			assertThat(f.from()).isEqualTo(victimSeq);
		});
	}

	@Test
	void aChangeBeforeTheMarkIsFoundByTheSampleWhenItCoversIt() {
		AuditVerification sampled = sampling(Integer.MAX_VALUE);
		appended("incremental-sample", 3);
		long marked = markedHead();
		long victimSeq = marked - 2;
		AuditVerification.Verdict verdict = tampered(() -> {
			jdbc.update("UPDATE audit_entry SET summary = 'nothing happened here' WHERE seq = ?", victimSeq);
			return sampled.verify(false);
		});
		assertThat(verdict.from()).as("walked on from the mark").isEqualTo(marked + 1);
		assertThat(verdict.sampled()).as("every entry below the mark").isEqualTo(marked - 1);
		assertThat(verdict.findings()).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REWRITTEN);
			assertThat(f.from()).isEqualTo(victimSeq);
			assertThat(f.to()).isEqualTo(victimSeq);
		});
		assertThat(sampled.verify(false).valid()).as("intact again once the change is rolled back").isTrue();
	}

	@Test
	void anEntryDeletedBelowTheMarkIsFoundByTheSampleWhenItCoversIt() {
		AuditVerification sampled = sampling(Integer.MAX_VALUE);
		appended("incremental-sample-delete", 4);
		long marked = markedHead();
		long victimSeq = marked - 2;
		AuditVerification.Verdict verdict = tampered(() -> {
			jdbc.update("DELETE FROM audit_entry WHERE seq = ?", victimSeq);
			return sampled.verify(false);
		});
		assertThat(verdict.from()).isEqualTo(marked + 1);
		assertThat(verdict.findings()).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REMOVED);
			assertThat(f.from()).isEqualTo(victimSeq);
			assertThat(f.to()).isEqualTo(victimSeq);
		});
	}

	@Test
	void eachCallSamplesAtMostItsShareBelowTheMark() {
		appended("incremental-sample-size", 2);
		long marked = markedHead();
		AuditVerification.Verdict verdict = sampling(1).verify(false);
		assertThat(verdict.from()).isEqualTo(marked + 1);
		assertThat(verdict.sampled()).isEqualTo(Math.min(1, marked - 1));
		assertThat(verdict.valid()).isTrue();
	}

	@Test
	void aChangedMarkedEntrySendsTheCallBackToTheWholeWalk() {
		long marked = markedHead();
		AuditVerification.Verdict verdict = tampered(() -> {
			jdbc.update("UPDATE audit_entry SET actor = 'someone else' WHERE seq = ?", marked);
			return verification.verify(false);
		});
		assertThat(verdict.from()).isEqualTo(1);
		assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.from()).isEqualTo(marked));
	}

	@Test
	void twoCallsAtOnceWalkTheWholeLogOnlyOnce() throws Exception {
		appended("incremental-race", 2);
		jdbc.update("DELETE FROM audit_verified_mark");
		CountDownLatch start = new CountDownLatch(1);
		Callable<AuditVerification.Verdict> call = () -> {
			start.await();
			return verification.verify(false);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<AuditVerification.Verdict>> calls = new ArrayList<>();
			calls.add(pool.submit(call));
			calls.add(pool.submit(call));
			start.countDown();
			List<AuditVerification.Verdict> verdicts = new ArrayList<>();
			for (Future<AuditVerification.Verdict> one : calls) {
				verdicts.add(one.get());
			}
			assertThat(verdicts).allSatisfy(v -> assertThat(v.valid()).isTrue());
			assertThat(verdicts).filteredOn(v -> v.from() == 1)
				.as("one whole walk, the other goes on after it")
				.hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A verification like the application's that re-checks {@code size} entries below the
	 * mark each call.
	 */
	private AuditVerification sampling(int size) {
		return new AuditVerification(store, sealer, keys, checkpoints, marks, transactions, clock, size);
	}

	/** Verifies (whole or on), which moves the mark to the head; returns the head. */
	private long markedHead() {
		AuditVerification.Verdict verdict = verification.verify(false);
		assertThat(verdict.valid()).as("the shared log is intact before the attack").isTrue();
		return jdbc.queryForObject("SELECT seq FROM audit_verified_mark", Long.class);
	}

	private long appended(String actor, int entries) {
		for (int i = 0; i < entries; i++) {
			int n = i;
			transactions.executeWithoutResult(
					s -> events.publishEvent(new AuditIntegrationTests.TestEvent(actor, "item:" + n)));
		}
		sealer.seal(true);
		return jdbc.queryForObject("SELECT max(seq) FROM audit_entry", Long.class);
	}

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

}
