package org.onestop.appointment.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Suspensions of online booking ({@code appointment_suspension}) and the appeals against
 * them.
 */
@Component
class SuspensionStore {

	private static final String LOCK_CITIZEN = "SELECT pg_advisory_xact_lock(hashtext(:k))";

	private static final String ACTIVE = """
			SELECT count(*) FROM appointment_suspension WHERE citizen = :c AND lifted_at IS NULL AND ends_at > :now""";

	private static final String LAST_ANSWERED = """
			SELECT max(coalesce(lifted_at, ends_at)) FROM appointment_suspension WHERE citizen = :c""";

	private static final String SUSPEND = """
			INSERT INTO appointment_suspension (citizen, starts_at, ends_at, reason)
			VALUES (:c, :from, :until, :reason)""";

	private static final String LIFT = """
			UPDATE appointment_suspension SET lifted_at = :now, lifted_by = :by, lift_note = :note
			WHERE citizen = :c AND lifted_at IS NULL""";

	/**
	 * Inserts the appeal only against the citizen's active suspension; the partial unique
	 * index on open appeals per suspension turns a second one (from any node, at the same
	 * moment) into no row.
	 */
	private static final String APPEAL = """
			INSERT INTO appointment_appeal (id, citizen, suspension_id, reason, created_at)
			SELECT :id, :c, s.id, :r, :now FROM appointment_suspension s
			WHERE s.citizen = :c AND s.lifted_at IS NULL AND s.ends_at > :now
			ORDER BY s.ends_at DESC LIMIT 1
			ON CONFLICT (suspension_id) WHERE decided_at IS NULL DO NOTHING
			RETURNING id""";

	private static final String OPEN_PAGE = """
			SELECT id, citizen, reason, created_at, decided_at, decided_by, outcome, note FROM appointment_appeal
			WHERE decided_at IS NULL ORDER BY created_at, id LIMIT :limit OFFSET :offset""";

	private static final String OPEN_COUNT = "SELECT count(*) FROM appointment_appeal WHERE decided_at IS NULL";

	private static final String DECIDE = """
			UPDATE appointment_appeal SET decided_at = :now, decided_by = :by, outcome = :o, note = :note
			WHERE id = :id AND decided_at IS NULL RETURNING citizen""";

	private static final String FIND_APPEAL = "SELECT * FROM appointment_appeal WHERE id = :id";

	private final JdbcClient db;

	SuspensionStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Holds, until the transaction ends, the lock under which one citizen's no-shows are
	 * counted.
	 */
	void lockNoShowsOf(String citizen) {
		db.sql(LOCK_CITIZEN).param("k", "no-show:" + citizen).query().singleRow();
	}

	boolean suspended(String citizen, Instant now) {
		return db.sql(ACTIVE).param("c", citizen).param("now", Timestamp.from(now)).query(Integer.class).single() > 0;
	}

	/** When the citizen's last suspension ended or was lifted, if they ever had one. */
	Optional<Instant> lastAnswered(String citizen) {
		return db.sql(LAST_ANSWERED).param("c", citizen).query(Timestamp.class).optional().map(Timestamp::toInstant);
	}

	void suspend(String citizen, Instant from, Instant until, String reason) {
		db.sql(SUSPEND)
			.param("c", citizen)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("reason", reason)
			.update();
	}

	void lift(String citizen, String by, String note, Instant now) {
		db.sql(LIFT).param("now", Timestamp.from(now)).param("by", by).param("note", note).param("c", citizen).update();
	}

	/**
	 * The new appeal's id; nothing when there is no active suspension or its appeal is
	 * already open.
	 */
	Optional<UUID> appeal(String citizen, String reason, Instant now) {
		return db.sql(APPEAL)
			.param("id", UUID.randomUUID())
			.param("c", citizen)
			.param("r", reason)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	List<Appeals.Appeal> openAppeals(int limit, int offset) {
		return db.sql(OPEN_PAGE).param("limit", limit).param("offset", offset).query(Appeals.Appeal.class).list();
	}

	long openAppealCount() {
		return db.sql(OPEN_COUNT).query(Long.class).single();
	}

	/**
	 * Decides an open appeal; the appealing citizen, or nothing when there is no such
	 * open appeal.
	 */
	Optional<String> decide(UUID id, String by, Appeals.Outcome outcome, String note, Instant now) {
		return db.sql(DECIDE)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("o", outcome.name())
			.param("note", note)
			.param("id", id)
			.query(String.class)
			.optional();
	}

	Appeals.Appeal appealOf(UUID id) {
		return db.sql(FIND_APPEAL).param("id", id).query(Appeals.Appeal.class).single();
	}

}
