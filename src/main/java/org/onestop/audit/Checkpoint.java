package org.onestop.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A checkpoint: at {@code at}, the chain's newest sealed entry was {@code seq} with seal
 * {@code head}, and every entry up to {@code legacyUntil} carried a plain SHA-256 seal
 * (from before the chain was keyed). One line of the checkpoint file, and what the export
 * endpoint hands out. {@code sig} is an HMAC over all the other fields under the key
 * {@code key}, so a line cannot be forged or altered without the key.
 *
 * @param v format version (1)
 * @param node which node wrote it (host and process), for people reading the file
 */
record Checkpoint(int v, long seq, String head, long legacyUntil, Instant at, String node, String key, String sig) {

	static final int VERSION = 1;

	static Checkpoint sign(AuditKeys.Key key, long seq, String head, long legacyUntil, Instant at, String node) {
		Checkpoint unsigned = new Checkpoint(VERSION, seq, head, legacyUntil, at, node, key.id(), null);
		return new Checkpoint(VERSION, seq, head, legacyUntil, at, node, key.id(), key.mac(unsigned.signed()));
	}

	/** Whether the signature holds under one of the keys this node knows. */
	boolean authentic(AuditKeys keys) {
		return v == VERSION && head != null && at != null && node != null && sig != null
				&& keys.find(key)
					.map(k -> MessageDigest.isEqual(k.mac(signed()).getBytes(StandardCharsets.US_ASCII),
							sig.getBytes(StandardCharsets.US_ASCII)))
					.orElse(false);
	}

	private String signed() {
		return String.join("|", "onestop-audit-checkpoint", Integer.toString(v), Long.toString(seq), head,
				Long.toString(legacyUntil), at.toString(), node, key);
	}
}
