package org.onestop.application;

import java.util.Optional;
import java.util.UUID;

import org.onestop.application.RatableCases.DecidedCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RatableCaseQueries {

	private final JdbcClient db;

	RatableCaseQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<DecidedCase> decided(UUID id) {
		return db.sql("""
				SELECT id, applicant, department, service_code, hall, channel, decided_at
				FROM application
				WHERE id = :id AND status IN ('APPROVED', 'REJECTED') AND decided_at IS NOT NULL""")
			.param("id", id)
			.query(DecidedCase.class)
			.optional();
	}

}
