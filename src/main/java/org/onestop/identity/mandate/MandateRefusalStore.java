package org.onestop.identity.mandate;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Grants the registry refused ({@code identity_mandate_refusal}), per grantor. */
@Repository
class MandateRefusalStore {

	private final JdbcClient db;

	MandateRefusalStore(JdbcClient db) {
		this.db = db;
	}

	long countSince(String grantor, Instant since) {
		return db.sql("SELECT count(*) FROM identity_mandate_refusal WHERE grantor = :g AND refused_at > :since")
			.param("g", grantor)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** Commits on its own, as the refused grant itself rolls back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void add(String grantor, Instant now) {
		db.sql("INSERT INTO identity_mandate_refusal (grantor, refused_at) VALUES (:g, :now)")
			.param("g", grantor)
			.param("now", Timestamp.from(now))
			.update();
	}

	void forgetBefore(Instant expired) {
		db.sql("DELETE FROM identity_mandate_refusal WHERE refused_at <= :expired")
			.param("expired", Timestamp.from(expired))
			.update();
	}

}
