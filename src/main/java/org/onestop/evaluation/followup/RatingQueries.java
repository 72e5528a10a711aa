package org.onestop.evaluation.followup;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the ratings the follow-ups are about, and the causes traced when they were given
 * ({@code rating}, {@code rating_cause}); the rating part writes them.
 */
@Repository
class RatingQueries {

	private final JdbcClient db;

	RatingQueries(JdbcClient db) {
		this.db = db;
	}

	/** A rating as a follow-up shows it. */
	record Rating(UUID id, String subjectType, String subjectId, String citizen, String department, String serviceCode,
			String hall, String channel, int level, List<String> reasons, String comment, boolean verified,
			Instant createdAt, Instant changedAt, boolean excluded) {
	}

	/** One cause of a rating, as stored. */
	record StoredCause(String kind, String key, String detail) {
	}

	Optional<Rating> rating(UUID id) {
		return db.sql("""
				SELECT id, subject_type, subject_id, citizen, department, service_code, hall, channel, level, reasons,
				    comment, verified, created_at, changed_at, excluded
				FROM rating WHERE id = :id""").param("id", id).query(RatingQueries::rating).optional();
	}

	List<StoredCause> causes(UUID ratingId) {
		return db.sql("""
				SELECT kind, key, detail::text AS detail FROM rating_cause WHERE rating_id = :id
				ORDER BY CASE kind WHEN 'REASON' THEN 0 WHEN 'RULE' THEN 1 ELSE 2 END, kind, key""")
			.param("id", ratingId)
			.query((rs, row) -> new StoredCause(rs.getString("kind"), rs.getString("key"), rs.getString("detail")))
			.list();
	}

	private static Rating rating(ResultSet rs, int row) throws SQLException {
		Array reasons = rs.getArray("reasons");
		List<String> codes = reasons == null ? List.of() : List.of((String[]) reasons.getArray());
		return new Rating(rs.getObject("id", UUID.class), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("citizen"), rs.getString("department"), rs.getString("service_code"), rs.getString("hall"),
				rs.getString("channel"), rs.getInt("level"), codes, rs.getString("comment"), rs.getBoolean("verified"),
				FollowUpStore.instant(rs, "created_at"), FollowUpStore.instant(rs, "changed_at"),
				rs.getBoolean("excluded"));
	}

}
