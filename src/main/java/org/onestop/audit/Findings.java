package org.onestop.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What verification found, gathered into runs: a rewrite of a thousand entries is one
 * finding, not a thousand. Positions may arrive in any order and more than once (the walk
 * and the checkpoints can both see the same entry); a position is counted once.
 */
final class Findings {

	enum Kind {

		/** Entries a checkpoint recorded are gone: the newest entries were deleted. */
		TRUNCATED,
		/** A gap in the positions. */
		REMOVED,
		/** An entry whose seal (or whose successor's link to it) no longer matches. */
		REWRITTEN,
		/**
		 * A position a checkpoint recorded with another seal now holds a genuinely sealed
		 * entry.
		 */
		REUSED,
		/** Sealed with a key this node does not hold. */
		UNKNOWN_KEY,
		/**
		 * Checkpoint lines not signed by a known key (here {@code from}/{@code to} are
		 * line numbers).
		 */
		CHECKPOINT_INVALID,
		/** The checkpoint file could not be read. */
		CHECKPOINTS_UNREADABLE

	}

	/**
	 * One run of positions with the same problem.
	 *
	 * @param firstEntry id of the entry at {@code from}, when there is one
	 * @param checkpointAt for {@link Kind#TRUNCATED}: when the newest checkpoint naming a
	 * lost entry was written
	 * @param detail the key id for {@link Kind#UNKNOWN_KEY}, the head for
	 * {@link Kind#TRUNCATED}
	 */
	record Finding(Kind kind, long from, long to, long count, Long firstEntry, Instant checkpointAt, String detail) {
	}

	/**
	 * A line of the checkpoint file that is not whole JSON, fenced off by a later append:
	 * said, not counted against the log, since a crash in the middle of a write leaves
	 * one and it names no position.
	 *
	 * @param line its line number
	 * @param offset the byte offset where it starts
	 */
	record TornLine(long line, long offset) {
	}

	private static final int MAX_RUNS = 100;

	private static final int MAX_TORN_LINES = 100;

	private final Map<Kind, TreeMap<Long, Run>> runs = new EnumMap<>(Kind.class);

	private Finding truncated;

	private Finding invalidLines;

	private Finding unreadable;

	private final List<TornLine> tornLines = new ArrayList<>();

	private static final class Run {

		long from;

		long to;

		Long firstEntry;

		final String detail;

		Run(long at, Long entry, String detail) {
			this.from = at;
			this.to = at;
			this.firstEntry = entry;
			this.detail = detail;
		}

	}

	void add(Kind kind, long seq, Long entryId) {
		add(kind, seq, entryId, null);
	}

	void add(Kind kind, long seq, Long entryId, String detail) {
		TreeMap<Long, Run> byStart = runs.computeIfAbsent(kind, k -> new TreeMap<>());
		Map.Entry<Long, Run> before = byStart.floorEntry(seq);
		if (before != null && before.getValue().to >= seq) {
			return;
		}
		Run after = byStart.get(seq + 1);
		boolean joinsBefore = before != null && before.getValue().to == seq - 1
				&& Objects.equals(before.getValue().detail, detail);
		boolean joinsAfter = after != null && Objects.equals(after.detail, detail);
		if (joinsBefore) {
			before.getValue().to = joinsAfter ? byStart.remove(seq + 1).to : seq;
		}
		else if (joinsAfter) {
			byStart.remove(seq + 1);
			after.from = seq;
			after.firstEntry = entryId;
			byStart.put(seq, after);
		}
		else if (byStart.size() < MAX_RUNS) {
			byStart.put(seq, new Run(seq, entryId, detail));
		}
	}

	/**
	 * Positions {@code from} to {@code to} are missing (the walk finds each gap once).
	 */
	void removed(long from, long to) {
		TreeMap<Long, Run> byStart = runs.computeIfAbsent(Kind.REMOVED, k -> new TreeMap<>());
		if (byStart.size() < MAX_RUNS) {
			Run gap = new Run(from, null, null);
			gap.to = to;
			byStart.put(from, gap);
		}
	}

	/**
	 * A checkpoint recorded an entry at {@code seq} that is gone; {@code head} is where
	 * the log now ends.
	 */
	void truncated(Checkpoint checkpoint, long head) {
		Finding was = truncated;
		truncated = was == null
				? new Finding(Kind.TRUNCATED, checkpoint.seq(), checkpoint.seq(), 1, null, checkpoint.at(),
						Long.toString(head))
				: new Finding(Kind.TRUNCATED, Math.min(was.from(), checkpoint.seq()),
						Math.max(was.to(), checkpoint.seq()), was.count() + 1, null,
						checkpoint.seq() >= was.to() ? checkpoint.at() : was.checkpointAt(), Long.toString(head));
	}

	void invalidCheckpointLine(long number) {
		invalidLines = invalidLines == null ? new Finding(Kind.CHECKPOINT_INVALID, number, number, 1, null, null, null)
				: new Finding(Kind.CHECKPOINT_INVALID, invalidLines.from(), number, invalidLines.count() + 1, null,
						null, null);
	}

	void tornLine(long line, long offset) {
		if (tornLines.size() < MAX_TORN_LINES) {
			tornLines.add(new TornLine(line, offset));
		}
	}

	/** Torn lines ignored: information for people reading the file, not findings. */
	List<TornLine> tornLines() {
		return List.copyOf(tornLines);
	}

	void unreadable(String reason) {
		unreadable = new Finding(Kind.CHECKPOINTS_UNREADABLE, 0, 0, 1, null, null, reason);
	}

	boolean isEmpty() {
		return list().isEmpty();
	}

	/** Every finding: by kind, then by position. */
	List<Finding> list() {
		List<Finding> all = new ArrayList<>();
		for (Finding one : new Finding[] { truncated, unreadable, invalidLines }) {
			if (one != null) {
				all.add(one);
			}
		}
		runs.forEach((kind, byStart) -> byStart.values()
			.forEach(run -> all
				.add(new Finding(kind, run.from, run.to, run.to - run.from + 1, run.firstEntry, null, run.detail))));
		all.sort(Comparator.comparing(Finding::kind).thenComparingLong(Finding::from));
		return all;
	}

	/** The id of the first entry (by position) found changed or out of place, if any. */
	Long firstBrokenEntry() {
		return list().stream()
			.filter(f -> f.firstEntry() != null)
			.min(Comparator.comparingLong(Finding::from))
			.map(Finding::firstEntry)
			.orElse(null);
	}

}
