package org.onestop.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * "Every entry up to {@code seq} was walked and held, and {@code seq}'s seal was
 * {@code hash}": where the next verification walks on from, so that a call costs what was
 * written since rather than the whole log. {@code legacyUntil} is the end of the unkeyed
 * prefix the walk went by. Signed with the chain's key, which the database never holds: a
 * mark moved past a change cannot be forged.
 */
record VerifiedMark(long seq, String hash, long legacyUntil, Instant at, String key, String sig) {

	static VerifiedMark sign(AuditKeys.Key key, long seq, String hash, long legacyUntil, Instant at) {
		VerifiedMark unsigned = new VerifiedMark(seq, hash, legacyUntil, at, key.id(), null);
		return new VerifiedMark(seq, hash, legacyUntil, at, key.id(), key.mac(unsigned.signed()));
	}

	boolean authentic(AuditKeys keys) {
		return hash != null && at != null && sig != null
				&& keys.find(key)
					.map(k -> MessageDigest.isEqual(k.mac(signed()).getBytes(StandardCharsets.US_ASCII),
							sig.getBytes(StandardCharsets.US_ASCII)))
					.orElse(false);
	}

	private String signed() {
		return String.join("|", "onestop-audit-verified", Long.toString(seq), hash, Long.toString(legacyUntil),
				at.toString(), key);
	}

}
