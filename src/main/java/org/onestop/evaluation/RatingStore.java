package org.onestop.evaluation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of {@code rating_invitation}, {@code rating} and {@code rating_cause};
 * reads {@code rating_reason}.
 */
@Repository
class RatingStore {

	private static final String RATING = """
			SELECT id, subject_type, subject_id, citizen, department, service_code, hall, channel, level, reasons,
			       comment, verified, given_through, created_at, changed_at, version, excluded,
			       EXISTS (SELECT 1 FROM follow_up f WHERE f.rating_id = rating.id AND f.status <> 'WITHDRAWN')
			           AS followed_up
			FROM rating
			""";

	private static final String INVITATION = """
			SELECT i.subject_type, i.subject_id, i.citizen, i.department, i.service_code, i.hall, i.channel,
			       i.finished_at, i.invited_at
			FROM rating_invitation i
			""";

	private final JdbcClient db;

	RatingStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Writes the invitation unless the subject has one: listeners are retried, and a
	 * complaint may be replied twice.
	 * @return whether it was written now
	 */
	boolean invite(RatedService s, Instant now) {
		return db
			.sql("""
					INSERT INTO rating_invitation (subject_type, subject_id, citizen, department, service_code, hall, channel,
					                               finished_at, invited_at)
					VALUES (:type, :id, :citizen, :department, :service, :hall, :channel, :finished, :now)
					ON CONFLICT (subject_type, subject_id) DO NOTHING""")
			.param("type", s.subjectType().name())
			.param("id", s.subjectId())
			.param("citizen", s.citizen())
			.param("department", s.department())
			.param("service", s.serviceCode())
			.param("hall", s.hall())
			.param("channel", s.channel().name())
			.param("finished", Timestamp.from(s.finishedAt()))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<Invitation> invitation(SubjectType type, String id) {
		return db.sql(INVITATION + "WHERE i.subject_type = :type AND i.subject_id = :id")
			.param("type", type.name())
			.param("id", id)
			.query(Invitation.class)
			.optional();
	}

	/** This citizen's invitations not yet rated, the latest first. */
	List<Invitation> pending(String citizen, int limit) {
		return db
			.sql(INVITATION
					+ """
							WHERE i.citizen = :citizen
							  AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.subject_type = i.subject_type AND r.subject_id = i.subject_id)
							ORDER BY i.invited_at DESC
							LIMIT :limit""")
			.param("citizen", citizen)
			.param("limit", limit)
			.query(Invitation.class)
			.list();
	}

	List<RatingReason> reasons() {
		return db.sql("SELECT code, praise FROM rating_reason WHERE active ORDER BY position, code")
			.query(RatingReason.class)
			.list();
	}

	/**
	 * Adds a first rating of its subject, or lets the citizen's own verified rating take
	 * the place of one given on the hall's pad. The pad runs in the clerk's session: were
	 * its unverified rating to hold the subject's one slot, staff could pre-empt a bad
	 * rating of themselves and no follow-up would ever open. Until the citizen rates, the
	 * pad's rating counts; their own replaces its words, keeps its id, causes and month
	 * (and so its change window), and is verified. One statement on the unique index: of
	 * two ratings at once one wins, the other finds nothing to replace.
	 * @return the rating written; empty when the subject already has one that is not a
	 * pad's unverified rating of this citizen (a second rating: a conflict)
	 */
	Optional<Rating> add(Rating r) {
		return db
			.sql("""
					INSERT INTO rating (id, subject_type, subject_id, citizen, department, service_code, hall, channel, level,
					                    reasons, comment, verified, given_through, created_at, changed_at)
					VALUES (:id, :type, :subject, :citizen, :department, :service, :hall, :channel, :level, :reasons,
					        :comment, :verified, :through, :now, :now)
					ON CONFLICT (subject_type, subject_id) DO UPDATE
					SET level = EXCLUDED.level, reasons = EXCLUDED.reasons, comment = EXCLUDED.comment, verified = TRUE,
					    given_through = EXCLUDED.given_through, changed_at = EXCLUDED.changed_at,
					    version = rating.version + 1
					WHERE EXCLUDED.verified AND rating.given_through = 'PAD' AND NOT rating.verified AND NOT rating.excluded
					  AND rating.citizen = EXCLUDED.citizen
					RETURNING id, subject_type, subject_id, citizen, department, service_code, hall, channel, level, reasons,
					          comment, verified, given_through, created_at, changed_at, version, excluded,
					          FALSE AS followed_up""")
			.param("id", r.id())
			.param("type", r.subjectType().name())
			.param("subject", r.subjectId())
			.param("citizen", r.citizen())
			.param("department", r.department())
			.param("service", r.serviceCode())
			.param("hall", r.hall())
			.param("channel", r.channel().name())
			.param("level", r.level())
			.param("reasons", r.reasons().toArray(String[]::new))
			.param("comment", r.comment())
			.param("verified", r.verified())
			.param("through", r.givenThrough().name())
			.param("now", Timestamp.from(r.createdAt()))
			.query(RatingStore::rating)
			.optional();
	}

	/**
	 * Changes the citizen's rating if it was first given after {@code givenAfter} (the
	 * change window), was not excluded by a supervisor, and, when a version is given, is
	 * still at it: one statement, so two changes at once (or a change racing an
	 * exclusion) cannot both pass the checks. The citizen's own change of a rating given
	 * for them on the hall's pad makes it theirs, verified (see {@link #add}). The rating
	 * returned does not yet know what the change does to its follow-up: read it again for
	 * that.
	 * @param own the citizen acts for themselves, not through someone acting for them
	 * @return the changed rating; empty when a condition failed
	 */
	Optional<Rating> change(UUID id, String citizen, boolean own, Integer version, int level, List<String> reasons,
			String comment, Instant givenAfter, Instant now) {
		return db
			.sql("""
					UPDATE rating SET level = :level, reasons = :reasons, comment = :comment, changed_at = :now,
					                  version = version + 1,
					                  verified = verified OR (CAST(:own AS boolean) AND given_through = 'PAD')
					WHERE id = :id AND citizen = :citizen AND created_at > :after AND NOT excluded
					  AND (CAST(:version AS integer) IS NULL OR version = CAST(:version AS integer))
					RETURNING id, subject_type, subject_id, citizen, department, service_code, hall, channel, level, reasons,
					          comment, verified, given_through, created_at, changed_at, version, excluded,
					          FALSE AS followed_up""")
			.param("id", id)
			.param("citizen", citizen)
			.param("own", own)
			.param("version", version)
			.param("level", level)
			.param("reasons", reasons.toArray(String[]::new))
			.param("comment", comment)
			.param("after", Timestamp.from(givenAfter))
			.param("now", Timestamp.from(now))
			.query(RatingStore::rating)
			.optional();
	}

	Optional<Rating> find(UUID id) {
		return db.sql(RATING + "WHERE id = :id").param("id", id).query(RatingStore::rating).optional();
	}

	Optional<Rating> find(SubjectType type, String subject) {
		return db.sql(RATING + "WHERE subject_type = :type AND subject_id = :subject")
			.param("type", type.name())
			.param("subject", subject)
			.query(RatingStore::rating)
			.optional();
	}

	List<Rating> byCitizen(String citizen, int limit) {
		return db.sql(RATING + "WHERE citizen = :citizen ORDER BY created_at DESC, id LIMIT :limit")
			.param("citizen", citizen)
			.param("limit", limit)
			.query(RatingStore::rating)
			.list();
	}

	boolean rated(SubjectType type, String id) {
		return db.sql("SELECT EXISTS (SELECT 1 FROM rating WHERE subject_type = :type AND subject_id = :id)")
			.param("type", type.name())
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** Replaces the REASON causes with the reasons now ticked. */
	void reasonCauses(UUID rating, List<String> reasons) {
		db.sql("DELETE FROM rating_cause WHERE rating_id = :id AND kind = 'REASON'").param("id", rating).update();
		reasons.forEach(code -> cause(rating, CauseKind.REASON, code, "{}"));
	}

	/**
	 * Adds a cause, its detail as JSON text; one the rating already carries (same kind
	 * and key) is kept as it was.
	 */
	void cause(UUID rating, CauseKind kind, String key, String detail) {
		db.sql("""
				INSERT INTO rating_cause (rating_id, kind, key, detail)
				VALUES (:id, :kind, :key, CAST(:detail AS jsonb))
				ON CONFLICT (rating_id, kind, key) DO NOTHING""")
			.param("id", rating)
			.param("kind", kind.name())
			.param("key", key)
			.param("detail", detail)
			.update();
	}

	/** The causes of a rating as {@code KIND:key}, for tests and pages. */
	List<String> causeKeys(UUID rating) {
		return db.sql("SELECT kind || ':' || key FROM rating_cause WHERE rating_id = :id ORDER BY kind, key")
			.param("id", rating)
			.query(String.class)
			.list();
	}

	private static Rating rating(ResultSet rs, int row) throws SQLException {
		Array reasons = rs.getArray("reasons");
		return new Rating(rs.getObject("id", UUID.class), SubjectType.valueOf(rs.getString("subject_type")),
				rs.getString("subject_id"), rs.getString("citizen"), rs.getString("department"),
				rs.getString("service_code"), rs.getString("hall"), ContactChannel.valueOf(rs.getString("channel")),
				rs.getInt("level"), Arrays.asList((String[]) reasons.getArray()), rs.getString("comment"),
				rs.getBoolean("verified"), GivenThrough.valueOf(rs.getString("given_through")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("changed_at").toInstant(),
				rs.getInt("version"), rs.getBoolean("excluded"), rs.getBoolean("followed_up"));
	}

}
