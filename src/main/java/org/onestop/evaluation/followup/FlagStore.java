package org.onestop.evaluation.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of {@code rating_flag} and of {@code rating.excluded}: a department's
 * flag, and the services supervisor's decision on it.
 */
@Repository
class FlagStore {

	private final JdbcClient db;

	FlagStore(JdbcClient db) {
		this.db = db;
	}

	/** A flag with what the supervisor needs to decide it. */
	record Flag(UUID id, UUID ratingId, String department, String flaggedBy, String reason, Instant flaggedAt,
			String decision, String decidedBy, Instant decidedAt, String decisionNote, int level, String comment,
			String serviceCode) {
	}

	/**
	 * One public line of the exclusions: no person, no rating's words.
	 *
	 * @param serviceCode the matter; null when fewer than {@link #SMALL_CELL} of the
	 * month's exclusions in the department are of it (they share the department's line)
	 * @param notes the supervisor's reasons, newest first
	 */
	record Exclusion(YearMonth month, String department, String serviceCode, int count, List<String> notes) {
	}

	/**
	 * Fewer exclusions than this of one matter in a month and department are not shown by
	 * matter: with the month and the department, the matter could point at the person who
	 * rated (the same rule as the published figures' small cells).
	 */
	static final int SMALL_CELL = 5;

	/**
	 * Flags a rating; false when it already has an undecided flag (the partial unique
	 * index answers, so two members of staff cannot both flag it).
	 */
	boolean flag(UUID id, UUID ratingId, String department, String actor, String reason, Instant now) {
		return db.sql("""
				INSERT INTO rating_flag (id, rating_id, department, flagged_by, reason, flagged_at)
				VALUES (:id, :rating, :department, :actor, :reason, :now)
				ON CONFLICT (rating_id) WHERE decision IS NULL DO NOTHING""")
			.param("id", id)
			.param("rating", ratingId)
			.param("department", department)
			.param("actor", actor)
			.param("reason", reason)
			.param("now", FollowUpStore.ts(now))
			.update() == 1;
	}

	/** Decides an undecided flag, once; answers the rating it was about. */
	Optional<UUID> decide(UUID id, String decision, String actor, String note, Instant now) {
		return db.sql("""
				UPDATE rating_flag SET decision = :decision, decided_by = :actor, decided_at = :now,
				    decision_note = :note
				WHERE id = :id AND decision IS NULL RETURNING rating_id""")
			.param("id", id)
			.param("decision", decision)
			.param("actor", actor)
			.param("note", note)
			.param("now", FollowUpStore.ts(now))
			.query(UUID.class)
			.optional();
	}

	/**
	 * Leaves the rating out of every figure: a supervisor's decision, never a
	 * department's.
	 */
	void exclude(UUID ratingId) {
		db.sql("UPDATE rating SET excluded = TRUE WHERE id = :id").param("id", ratingId).update();
	}

	Optional<Flag> byId(UUID id) {
		return db.sql(SELECT + " WHERE f.id = :id").param("id", id).query(FlagStore::flag).optional();
	}

	/** The rating's flags, newest first. */
	List<Flag> ofRating(UUID ratingId) {
		return db.sql(SELECT + " WHERE f.rating_id = :rating ORDER BY f.flagged_at DESC")
			.param("rating", ratingId)
			.query(FlagStore::flag)
			.list();
	}

	/** Every flag, the undecided first (oldest first), then the decided newest first. */
	List<Flag> all() {
		return db
			.sql(SELECT + " ORDER BY (f.decision IS NULL) DESC,"
					+ " CASE WHEN f.decision IS NULL THEN f.flagged_at END ASC, f.decided_at DESC LIMIT 500")
			.query(FlagStore::flag)
			.list();
	}

	/**
	 * The excluded ratings counted per month they were given, department and matter, the
	 * latest month first; a matter with fewer than {@link #SMALL_CELL} exclusions in the
	 * month and department is counted on the department's line without a matter.
	 */
	List<Exclusion> exclusions(ZoneId zone) {
		return db.sql("""
				WITH excluded AS (
				    SELECT to_char(r.created_at AT TIME ZONE :zone, 'YYYY-MM') AS month, r.department, r.service_code,
				           f.decision_note, f.decided_at
				    FROM rating_flag f JOIN rating r ON r.id = f.rating_id
				    WHERE f.decision = 'EXCLUDED'),
				shown AS (
				    SELECT month, department, decision_note, decided_at,
				           CASE WHEN count(*) OVER (PARTITION BY month, department, service_code) >= :small
				                THEN service_code END AS matter
				    FROM excluded)
				SELECT month, department, matter, count(*) AS exclusions,
				       array_agg(decision_note ORDER BY decided_at DESC) AS notes
				FROM shown GROUP BY month, department, matter
				ORDER BY month DESC, department, matter NULLS LAST LIMIT 1000""")
			.param("zone", zone.getId())
			.param("small", SMALL_CELL)
			.query((rs, row) -> new Exclusion(YearMonth.parse(rs.getString("month")), rs.getString("department"),
					rs.getString("matter"), rs.getInt("exclusions"),
					List.of((String[]) rs.getArray("notes").getArray())))
			.list();
	}

	/** Excluded and kept ratings per department, over all time. */
	record DepartmentCount(String department, int excluded, int kept) {
	}

	List<DepartmentCount> countsByDepartment() {
		return db.sql("""
				SELECT department, count(*) FILTER (WHERE decision = 'EXCLUDED') AS excluded,
				    count(*) FILTER (WHERE decision = 'KEPT') AS kept
				FROM rating_flag WHERE decision IS NOT NULL GROUP BY department ORDER BY department""")
			.query((rs, row) -> new DepartmentCount(rs.getString("department"), rs.getInt("excluded"),
					rs.getInt("kept")))
			.list();
	}

	private static final String SELECT = """
			SELECT f.id, f.rating_id, f.department, f.flagged_by, f.reason, f.flagged_at, f.decision, f.decided_by,
			    f.decided_at, f.decision_note, r.level, r.comment, r.service_code
			FROM rating_flag f JOIN rating r ON r.id = f.rating_id""";

	private static Flag flag(ResultSet rs, int row) throws SQLException {
		return new Flag(rs.getObject("id", UUID.class), rs.getObject("rating_id", UUID.class),
				rs.getString("department"), rs.getString("flagged_by"), rs.getString("reason"),
				FollowUpStore.instant(rs, "flagged_at"), rs.getString("decision"), rs.getString("decided_by"),
				FollowUpStore.instant(rs, "decided_at"), rs.getString("decision_note"), rs.getInt("level"),
				rs.getString("comment"), rs.getString("service_code"));
	}

}
