package org.onestop.evaluation.cause;

import java.util.Optional;
import java.util.UUID;

/** How subjects' ids and causes' keys are read and written. */
final class Keys {

	/** A wait longer than this many minutes counts as a cause of a bad rating. */
	static final int WAIT_OVER_MINUTES = 30;

	/** The longest key {@code rating_cause} holds. */
	private static final int MAX_KEY = 200;

	private Keys() {
	}

	/** The subject's id as a UUID; empty when it is not one (no such service). */
	static Optional<UUID> uuid(String subjectId) {
		try {
			return Optional.of(UUID.fromString(subjectId.strip()));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	/** The key stripped and cut to what the table holds. */
	static String fit(String key) {
		if (key == null) {
			return "";
		}
		String k = key.strip();
		return k.length() <= MAX_KEY ? k : k.substring(0, MAX_KEY);
	}

}
