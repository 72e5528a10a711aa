package org.onestop.audit;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entries below the verified mark, re-checked at random on every call that walks on from
 * the mark: the walk alone would never look below it again, so a change made there after
 * an earlier call would wait for the nightly whole walk. Each sampled entry is judged
 * from the entry before it (whose seal it must name), its own seal, and the entry after
 * it (which must name its seal): a rewrite, a recomputed unkeyed seal or a removal there
 * is found. A few hundred entries a call find an old change with a chance that grows with
 * every call; the whole walk finds it surely.
 */
final class MarkSample {

	/** Sampled entries judged per query (three rows each). */
	private static final int BATCH = 500;

	private final AuditStore store;

	private final AuditKeys keys;

	private final RandomGenerator random;

	MarkSample(AuditStore store, AuditKeys keys, RandomGenerator random) {
		this.store = store;
		this.keys = keys;
		this.random = random;
	}

	MarkSample(AuditStore store, AuditKeys keys) {
		this(store, keys, new SecureRandom());
	}

	/**
	 * Checks {@code size} distinct entries drawn from 1 to {@code mark - 1} (all of them
	 * when there are no more), noting problems in {@code findings}; answers how many were
	 * checked. The mark's own entry was checked by the caller.
	 */
	long check(long mark, long legacyUntil, int size, Findings findings) {
		List<Long> drawn = new ArrayList<>(draw(mark - 1, size));
		for (int start = 0; start < drawn.size(); start += BATCH) {
			List<Long> batch = drawn.subList(start, Math.min(drawn.size(), start + BATCH));
			Set<Long> seqs = new HashSet<>();
			batch.forEach(seq -> {
				seqs.add(seq - 1);
				seqs.add(seq);
				seqs.add(seq + 1);
			});
			seqs.remove(0L);
			Map<Long, SealedRow> rows = store.at(seqs);
			batch.forEach(seq -> judge(seq, rows, legacyUntil, findings));
		}
		return drawn.size();
	}

	private void judge(long seq, Map<Long, SealedRow> rows, long legacyUntil, Findings findings) {
		SealedRow before = rows.get(seq - 1);
		if (seq > 1 && before == null) {
			findings.add(Findings.Kind.REMOVED, seq - 1, null);
			return;
		}
		ChainWalk walk = seq == 1 ? new ChainWalk(keys, legacyUntil, findings)
				: ChainWalk.after(before, keys, legacyUntil, findings);
		for (long at = seq; at <= seq + 1; at++) {
			SealedRow row = rows.get(at);
			if (row != null) {
				walk.accept(row);
			}
		}
		// seq + 1 is at most the mark, which exists: what is missing was removed.
		for (long missing = walk.head() + 1; missing <= seq + 1; missing++) {
			findings.add(Findings.Kind.REMOVED, missing, null);
		}
	}

	/** Distinct positions from 1 to {@code below}, lowest first. */
	private Set<Long> draw(long below, int size) {
		TreeSet<Long> drawn = new TreeSet<>();
		if (below <= size) {
			for (long seq = 1; seq <= below; seq++) {
				drawn.add(seq);
			}
			return drawn;
		}
		while (drawn.size() < size) {
			drawn.add(1 + random.nextLong(below));
		}
		return drawn;
	}

}
