package org.onestop.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One audit entry as the hash chain sees it. */
record ChainedEntry(long id, Instant occurredAt, String actor, String action, String subject, String summary) {

	static final String GENESIS = "0".repeat(64);

	/**
	 * The seal of entries sealed before the chain was keyed: SHA-256 of
	 * {@link #canonical}. Anyone can recompute it, which is why entries are now sealed
	 * with {@link #mac} instead.
	 */
	String hash(long seq, String previousHash) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(sha256.digest(canonical(seq, previousHash).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The seal of keyed entries: HMAC-SHA256 of {@link #canonical} under a key the
	 * database never sees.
	 */
	String mac(AuditKeys.Key key, long seq, String previousHash) {
		return key.mac(canonical(seq, previousHash));
	}

	/**
	 * The previous seal, the chain position and every field, each prefixed by its length
	 * so that no two different entries can serialise alike.
	 */
	private String canonical(long seq, String previousHash) {
		StringBuilder canonical = new StringBuilder();
		for (String part : new String[] { previousHash, Long.toString(seq), Long.toString(id), occurredAt.toString(),
				actor, action, subject, summary }) {
			canonical.append(part.length()).append(':').append(part).append('|');
		}
		return canonical.toString();
	}
}
