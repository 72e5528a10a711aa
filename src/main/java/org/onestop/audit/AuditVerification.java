package org.onestop.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the log against itself and against the checkpoints outside the database. The
 * walk recomputes every seal (keyed ones need the key, which the database never held) and
 * notes gaps; the checkpoints then show what the database alone cannot: entries deleted
 * from the end, a chain recomputed from some entry on, and positions given out twice. A
 * call walks on from the last verified mark (issue 18: ten million entries took minutes)
 * and re-checks a random sample below it; the whole walk runs nightly and on request.
 */
@Component
class AuditVerification {

	private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

	private static final int PAGE = 2000;

	private static final int CHECKPOINT_BATCH = 1000;

	private final AuditStore store;

	private final AuditSealer sealer;

	private final AuditKeys keys;

	private final CheckpointLog checkpoints;

	private final VerifiedMarkStore marks;

	/** Holds the walkers' lock and the mark's update together. */
	private final TransactionTemplate walking;

	private final Clock clock;

	private final MarkSample below;

	/** Entries below the mark each call re-checks. */
	private final int sample;

	AuditVerification(AuditStore store, AuditSealer sealer, AuditKeys keys, CheckpointLog checkpoints,
			VerifiedMarkStore marks, TransactionTemplate transactions, Clock clock,
			@Value("${onestop.audit.verification-sample:256}") int sample) {
		this.store = store;
		this.below = new MarkSample(store, keys);
		this.sample = Math.max(0, sample);
		this.marks = marks;
		this.walking = transactions;
		this.clock = clock;
		this.sealer = sealer;
		this.keys = keys;
		this.checkpoints = checkpoints;
	}

	/**
	 * The verdict.
	 *
	 * @param entries sealed entries checked
	 * @param head the newest position in the log
	 * @param checkpoints authentic checkpoints compared
	 * @param newestCheckpoint the checkpoint with the highest position, if any
	 * @param firstBrokenEntry id of the first entry found changed or out of place
	 * @param tornLines lines of the checkpoint file cut short by a crash and ignored: no
	 * finding
	 * @param from the first position this walk read (1 for a whole walk)
	 * @param sampled entries below {@code from} re-checked at random (0 for a whole walk)
	 */
	record Verdict(long entries, long head, long checkpoints, Checkpoint newestCheckpoint,
			List<Findings.Finding> findings, Long firstBrokenEntry, List<Findings.TornLine> tornLines, long from,
			long sampled) {

		boolean valid() {
			return findings.isEmpty();
		}
	}

	/** A whole walk, from entry 1, whatever was verified before. */
	Verdict verify() {
		return verify(true);
	}

	/**
	 * Without {@code full}, walks on from the last verified mark when it still holds and
	 * re-checks a random sample of the entries below it: a change there is found when the
	 * sample covers it, and surely by the whole walk (nightly, or asked for). Either way
	 * one walk at a time across all nodes: a second caller waits for the first and then
	 * walks only what it left.
	 */
	Verdict verify(boolean full) {
		sealer.seal(true);
		return walking.execute(status -> {
			marks.lockWalking(true);
			return full ? walkAll() : walkOn();
		});
	}

	/**
	 * The whole walk on a schedule, on whichever node gets to it first: the others skip
	 * rather than walk the same ten million entries again.
	 */
	@Scheduled(cron = "${onestop.audit.full-verification-cron:0 40 3 * * *}")
	void verifyWholeNightly() {
		sealer.seal(true);
		Verdict verdict = walking.execute(status -> marks.lockWalking(false) ? walkAll() : null);
		if (verdict != null && !verdict.valid()) {
			log.error(
					"AUDIT ALARM: the nightly whole verification found {} problem(s); GET /api/v1/audit/verify?full=true "
							+ "says which",
					verdict.findings().size());
		}
	}

	private Verdict walkAll() {
		Findings findings = new Findings();
		long head = store.head().seq();
		Compared compared = compareWithCheckpoints(head, findings);
		long legacyUntil = compared.checkpoints == 0 ? -1 : compared.legacyUntil;
		ChainWalk walk = new ChainWalk(keys, legacyUntil, findings);
		walkFrom(1, walk);
		return concluded(new Verdict(walk.entries(), walk.head(), compared.checkpoints, compared.newest,
				findings.list(), findings.firstBrokenEntry(), findings.tornLines(), 1, 0), walk, legacyUntil);
	}

	private Verdict walkOn() {
		Optional<VerifiedMark> mark = marks.read().filter(m -> m.authentic(keys));
		if (mark.isEmpty()) {
			return walkAll();
		}
		SealedRow verified = store.at(Set.of(mark.get().seq())).get(mark.get().seq());
		long head = store.head().seq();
		if (verified == null || !verified.hash().equals(mark.get().hash())
				|| verified.seal(keys) != SealedRow.Seal.MATCHES || head < verified.seq()) {
			// The log changed under the mark: only the whole walk can say where.
			return walkAll();
		}
		Findings findings = new Findings();
		Compared compared = compareWithCheckpointsAfter(verified.seq(), head, findings);
		ChainWalk walk = ChainWalk.after(verified, keys, mark.get().legacyUntil(), findings);
		walkFrom(verified.seq() + 1, walk);
		long sampled = below.check(verified.seq(), mark.get().legacyUntil(), sample, findings);
		return concluded(
				new Verdict(walk.entries(), walk.head(), compared.checkpoints, compared.newest, findings.list(),
						findings.firstBrokenEntry(), findings.tornLines(), verified.seq() + 1, sampled),
				walk, mark.get().legacyUntil());
	}

	private void walkFrom(long from, ChainWalk walk) {
		List<SealedRow> page;
		do {
			page = store.page(from, PAGE);
			page.forEach(walk::accept);
			from = walk.head() + 1;
		}
		while (page.size() == PAGE);
	}

	/** Moves the mark to the head when everything held; forgets it when not. */
	private Verdict concluded(Verdict verdict, ChainWalk walk, long legacyUntil) {
		if (!verdict.valid()) {
			marks.forget();
		}
		else if (walk.last() != null) {
			marks.record(VerifiedMark.sign(keys.current(), walk.last().seq(), walk.last().hash(), legacyUntil,
					clock.instant().truncatedTo(ChronoUnit.MILLIS)));
		}
		return verdict;
	}

	/**
	 * Checkpoints of positions after the mark, read from the checkpoint file's end: those
	 * before were compared by the walk that set the mark. A line there that is no
	 * authentic checkpoint (cut short by a crash, edited, forged) sends the comparison
	 * back to the whole file, read from the start: only that read knows its line number,
	 * and the note or finding must say where it is.
	 */
	private Compared compareWithCheckpointsAfter(long after, long head, Findings findings) {
		Compared compared = new Compared();
		boolean[] damaged = { false };
		try {
			List<Checkpoint> batch = checkpoints.after(after, AuditApiController.MAX_CHECKPOINTS,
					line -> damaged[0] = true);
			while (!batch.isEmpty() && !damaged[0]) {
				compared.checkpoints += batch.size();
				compared.newest = batch.get(batch.size() - 1);
				compare(batch, head, findings);
				batch = batch.size() < AuditApiController.MAX_CHECKPOINTS ? List.of() : checkpoints
					.after(compared.newest.seq(), AuditApiController.MAX_CHECKPOINTS, line -> damaged[0] = true);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			findings.unreadable(ex.getMessage());
		}
		return damaged[0] ? compareWithCheckpoints(head, findings) : compared;
	}

	private static final class Compared {

		long checkpoints;

		long legacyUntil = Long.MAX_VALUE;

		Checkpoint newest;

	}

	private Compared compareWithCheckpoints(long head, Findings findings) {
		Compared compared = new Compared();
		List<Checkpoint> batch = new ArrayList<>();
		try {
			checkpoints.read(line -> {
				if (line.kind() == CheckpointLog.Line.Kind.TORN) {
					findings.tornLine(line.number(), line.offset());
					return;
				}
				if (!line.authentic()) {
					findings.invalidCheckpointLine(line.number());
					return;
				}
				Checkpoint checkpoint = line.checkpoint();
				compared.checkpoints++;
				compared.legacyUntil = Math.min(compared.legacyUntil, checkpoint.legacyUntil());
				if (compared.newest == null || checkpoint.seq() > compared.newest.seq()) {
					compared.newest = checkpoint;
				}
				batch.add(checkpoint);
				if (batch.size() == CHECKPOINT_BATCH) {
					compare(batch, head, findings);
					batch.clear();
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			findings.unreadable(ex.getMessage());
		}
		compare(batch, head, findings);
		return compared;
	}

	private void compare(List<Checkpoint> batch, long head, Findings findings) {
		Map<Long, SealedRow> rows = store.at(batch.stream().map(Checkpoint::seq).collect(Collectors.toSet()));
		for (Checkpoint checkpoint : batch) {
			SealedRow row = rows.get(checkpoint.seq());
			if (row == null) {
				findings.truncated(checkpoint, head);
			}
			else if (!row.hash().equals(checkpoint.head())) {
				// A genuine keyed seal that differs from the recorded one: the sealer
				// gave this position out again.
				boolean genuine = row.keyed() && row.seal(keys) == SealedRow.Seal.MATCHES;
				findings.add(genuine ? Findings.Kind.REUSED : Findings.Kind.REWRITTEN, row.seq(), row.entry().id());
			}
		}
	}

}
