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
	 * SHA-256 over the previous hash, the chain position and every field, each prefixed by its
	 * length so that no two different entries can serialise alike.
	 */
	String hash(long seq, String previousHash) {
		StringBuilder canonical = new StringBuilder();
		for (String part : new String[] { previousHash, Long.toString(seq), Long.toString(id),
				occurredAt.toString(), actor, action, subject, summary }) {
			canonical.append(part.length()).append(':').append(part).append('|');
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
