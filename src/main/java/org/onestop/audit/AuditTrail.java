package org.onestop.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.onestop.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each audited event as an entry, synchronously and in the publisher's transaction: an
 * action that cannot be audited does not happen. The insert takes no lock; {@link AuditSealer}
 * chains the entries afterwards.
 */
@Component
class AuditTrail {

	private final JdbcClient db;
	private final Clock clock;

	AuditTrail(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@EventListener
	void on(AuditableEvent event) {
		db.sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, subject, summary)
				VALUES (:at, :actor, :action, :subject, :summary)""")
			.param("at", java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("actor", event.actor())
			.param("action", event.action())
			.param("subject", event.subject())
			.param("summary", event.summary())
			.update();
	}
}
