package org.onestop.audit;

/**
 * Checks sealed rows one after another, in position order, and notes every problem
 * without stopping at the first: each keyed seal binds its entry to the seal before it,
 * so after a break the rest can still be judged.
 */
final class ChainWalk {

	private final AuditKeys keys;

	private final long legacyUntil;

	private final Findings findings;

	private long expected = 1;

	private SealedRow previous;

	private boolean keyedSeen;

	private long entries;

	/**
	 * @param legacyUntil the last position the checkpoints say was sealed with plain
	 * SHA-256, or -1 without checkpoints (then plain seals are accepted only before the
	 * first keyed one)
	 */
	ChainWalk(AuditKeys keys, long legacyUntil, Findings findings) {
		this.keys = keys;
		this.legacyUntil = legacyUntil;
		this.findings = findings;
	}

	/**
	 * A walk that goes on after {@code verified}, a row an earlier walk found whole: the
	 * next row must follow and name its seal.
	 */
	static ChainWalk after(SealedRow verified, AuditKeys keys, long legacyUntil, Findings findings) {
		ChainWalk walk = new ChainWalk(keys, legacyUntil, findings);
		walk.previous = verified;
		walk.expected = verified.seq() + 1;
		walk.keyedSeen = verified.keyed();
		return walk;
	}

	void accept(SealedRow row) {
		entries++;
		boolean follows = row.seq() == expected;
		if (!follows) {
			findings.removed(expected, row.seq() - 1);
		}
		SealedRow.Seal seal = row.seal(keys);
		// Plain SHA-256 where the key was already in use: someone recomputed the chain
		// without the key.
		boolean unkeyedTooLate = !row.keyed() && (legacyUntil >= 0 ? row.seq() > legacyUntil : keyedSeen);
		if (seal == SealedRow.Seal.UNKNOWN_KEY) {
			findings.add(Findings.Kind.UNKNOWN_KEY, row.seq(), row.entry().id(), row.keyId());
		}
		else if (seal == SealedRow.Seal.BROKEN || unkeyedTooLate) {
			findings.add(Findings.Kind.REWRITTEN, row.seq(), row.entry().id());
		}
		else if (follows && !row.prevHash().equals(previous == null ? ChainedEntry.GENESIS : previous.hash())) {
			// Its own seal holds, so what changed is the entry before, whose seal it no
			// longer names.
			if (previous == null) {
				findings.add(Findings.Kind.REWRITTEN, row.seq(), row.entry().id());
			}
			else {
				findings.add(Findings.Kind.REWRITTEN, previous.seq(), previous.entry().id());
			}
		}
		keyedSeen |= row.keyed();
		previous = row;
		expected = row.seq() + 1;
	}

	/** How many sealed entries were checked. */
	long entries() {
		return entries;
	}

	/** The newest row seen, or the one the walk went on after; null for an empty log. */
	SealedRow last() {
		return previous;
	}

	/** The newest position seen (0 for an empty log). */
	long head() {
		return expected - 1;
	}

}
