package org.onestop.audit;

import java.util.Optional;

/** The verified mark in memory, for tests without a database; one walk at a time. */
class MemoryVerifiedMarkStore extends VerifiedMarkStore {

	private VerifiedMark mark;

	MemoryVerifiedMarkStore() {
		super(null);
	}

	@Override
	boolean lockWalking(boolean wait) {
		return true;
	}

	@Override
	Optional<VerifiedMark> read() {
		return Optional.ofNullable(mark);
	}

	@Override
	void record(VerifiedMark newer) {
		if (mark == null || mark.seq() <= newer.seq()) {
			mark = newer;
		}
	}

	@Override
	void forget() {
		mark = null;
	}

}
