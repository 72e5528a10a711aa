package org.onestop.audit;

/**
 * A sealed entry as stored: its position, the previous seal it names, its own seal, and
 * the key that made the seal ({@code null}: a plain SHA-256 seal from before the chain
 * was keyed).
 */
record SealedRow(ChainedEntry entry, long seq, String prevHash, String hash, String keyId) {

	enum Seal {

		/**
		 * The seal matches the entry's contents, position and the previous seal it names.
		 */
		MATCHES,
		/** It does not: the entry, its position or its link was changed after sealing. */
		BROKEN,
		/** Sealed with a key this node does not hold, so it cannot be checked. */
		UNKNOWN_KEY

	}

	boolean keyed() {
		return keyId != null;
	}

	/**
	 * Checks the row's own seal, on its own (whether it links to its predecessor is the
	 * walk's business).
	 */
	Seal seal(AuditKeys keys) {
		if (!keyed()) {
			return entry.hash(seq, prevHash).equals(hash) ? Seal.MATCHES : Seal.BROKEN;
		}
		return keys.find(keyId)
			.map(key -> entry.mac(key, seq, prevHash).equals(hash) ? Seal.MATCHES : Seal.BROKEN)
			.orElse(Seal.UNKNOWN_KEY);
	}
}
