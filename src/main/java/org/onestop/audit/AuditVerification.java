package org.onestop.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Verifies the log against itself and against the checkpoints outside the database. The
 * walk recomputes every seal (keyed ones need the key, which the database never held) and
 * notes gaps; the checkpoints then show what the database alone cannot: entries deleted
 * from the end, a chain recomputed from some entry on, and positions given out twice.
 */
@Component
class AuditVerification {

	private static final int PAGE = 2000;

	private static final int CHECKPOINT_BATCH = 1000;

	private final AuditStore store;

	private final AuditSealer sealer;

	private final AuditKeys keys;

	private final CheckpointLog checkpoints;

	AuditVerification(AuditStore store, AuditSealer sealer, AuditKeys keys, CheckpointLog checkpoints) {
		this.store = store;
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
	 */
	record Verdict(long entries, long head, long checkpoints, Checkpoint newestCheckpoint,
			List<Findings.Finding> findings, Long firstBrokenEntry, List<Findings.TornLine> tornLines) {

		boolean valid() {
			return findings.isEmpty();
		}
	}

	Verdict verify() {
		sealer.seal(true);
		Findings findings = new Findings();
		long head = store.head().seq();
		Compared compared = compareWithCheckpoints(head, findings);
		ChainWalk walk = new ChainWalk(keys, compared.checkpoints == 0 ? -1 : compared.legacyUntil, findings);
		long from = 1;
		List<SealedRow> page;
		do {
			page = store.page(from, PAGE);
			page.forEach(walk::accept);
			from = walk.head() + 1;
		}
		while (page.size() == PAGE);
		return new Verdict(walk.entries(), walk.head(), compared.checkpoints, compared.newest, findings.list(),
				findings.firstBrokenEntry(), findings.tornLines());
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
