package org.onestop.complaint;

import java.util.Optional;
import java.util.UUID;

import org.onestop.complaint.RepliedComplaints.RepliedComplaint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RepliedComplaintQueries {

	private final JdbcClient db;

	RepliedComplaintQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<RepliedComplaint> replied(UUID id) {
		return db.sql("""
				SELECT id, reporter, lead_department AS department, contact_channel AS channel, replied_at
				FROM complaint
				WHERE id = :id AND replied_at IS NOT NULL AND lead_department IS NOT NULL""")
			.param("id", id)
			.query(RepliedComplaint.class)
			.optional();
	}

}
