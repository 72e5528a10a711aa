package org.onestop.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * One clock of a complaint in one round (a reopened complaint starts a new round and
 * keeps the old rows): first contact, reply, or the wait for the citizen's verdict.
 */
public record ComplaintClock(UUID id, UUID complaintId, Kind kind, int round, Instant startedAt, Instant warnAt,
		Instant dueAt, Instant escalateAt, String processInstanceId, Instant pausedAt, long pausedSeconds,
		Instant warnedAt, Instant overdueAt, Instant escalatedAt, Instant stoppedAt) {

	public enum Kind {

		CONTACT, REPLY, VERDICT

	}

	public boolean running() {
		return stoppedAt == null && pausedAt == null;
	}

}
