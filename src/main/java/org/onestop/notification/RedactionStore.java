package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Blanks one-time codes that outlived their use, whatever became of them. One statement
 * per batch, SKIP LOCKED: nodes sweeping at once share the rows, and a row a dispatcher
 * is settling is left for the next sweep.
 */
@Repository
class RedactionStore {

	/**
	 * A code still waiting to go out (or whose sender died mid-send) is void now: it ends
	 * as a permanent failure rather than be sent blank. A code under a live claim is left
	 * alone: its dispatcher still holds the text and blanks it as it settles.
	 */
	private static final String SWEEP = """
			UPDATE notification_outbox o
			SET status = CASE WHEN waiting THEN 'PERMANENT_FAILURE' ELSE o.status END,
			    failure = CASE WHEN waiting THEN 'code-expired' ELSE o.failure END,
			    next_attempt_at = CASE WHEN waiting THEN NULL ELSE o.next_attempt_at END,
			    claimed_by = CASE WHEN waiting THEN NULL ELSE o.claimed_by END,
			    claimed_until = CASE WHEN waiting THEN NULL ELSE o.claimed_until END,
			    updated_at = :now, body = '', html_body = NULL, parameters = NULL, redacted_at = :now
			FROM (SELECT id, status IN ('CREATED', 'TEMPORARY_FAILURE')
			          OR (status = 'SENDING' AND provider_ref IS NULL) AS waiting
			      FROM notification_outbox
			      WHERE sensitive AND redacted_at IS NULL AND created_at < :before
			        AND NOT (status = 'SENDING' AND provider_ref IS NULL AND claimed_until >= :now)
			      ORDER BY created_at
			      LIMIT :batch
			      FOR UPDATE SKIP LOCKED) old
			WHERE o.id = old.id""";

	private final JdbcClient db;

	RedactionStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * @return rows blanked
	 */
	int redact(Instant before, Instant now, int batch) {
		return db.sql(SWEEP)
			.param("before", Timestamp.from(before))
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.update();
	}

}
