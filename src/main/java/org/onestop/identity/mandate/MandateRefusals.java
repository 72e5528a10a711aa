package org.onestop.identity.mandate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.onestop.platform.LimitExceededException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants refused by the registry (no such ID number, or a name that does not match), per
 * grantor, counted in the database so that every node agrees: after {@link #MAX_REFUSED}
 * within {@link #WINDOW} the grantor must wait (429) before the registry is asked again,
 * so that it cannot be probed through the grant form.
 */
@Component
class MandateRefusals {

	static final int MAX_REFUSED = 10;

	static final Duration WINDOW = Duration.ofHours(24);

	private final JdbcClient db;

	private final Clock clock;

	MandateRefusals(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** 429 when the grantor's refused grants of the last 24 hours reach the limit. */
	void check(String grantor) {
		long refused = db
			.sql("SELECT count(*) FROM identity_mandate_refusal WHERE grantor = :g AND refused_at > :since")
			.param("g", grantor)
			.param("since", Timestamp.from(clock.instant().minus(WINDOW)))
			.query(Long.class)
			.single();
		if (refused >= MAX_REFUSED) {
			throw new LimitExceededException("mandate.too-many-refused", MAX_REFUSED);
		}
	}

	/** Counts one refused grant; commits on its own, as the grant itself rolls back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(String grantor) {
		db.sql("INSERT INTO identity_mandate_refusal (grantor, refused_at) VALUES (:g, :now)")
			.param("g", grantor)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** Rows whose window is over go, on whichever node gets there first. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purge() {
		db.sql("DELETE FROM identity_mandate_refusal WHERE refused_at <= :expired")
			.param("expired", Timestamp.from(clock.instant().minus(WINDOW)))
			.update();
	}

}
