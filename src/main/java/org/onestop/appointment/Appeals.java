package org.onestop.appointment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A suspended citizen asks a person to look again (a person is one step away); a head of department decides.
 * Only a citizen under an active suspension may appeal, once per suspension until it is decided.
 */
@Service
public class Appeals {

	static final int MAX_PAGE_SIZE = 100;
	static final int MAX_PAGE = 10_000;

	/**
	 * Inserts the appeal only against the citizen's active suspension; the partial unique index on open appeals per
	 * suspension turns a second one (from any node, at the same moment) into no row.
	 */
	private static final String APPEAL = """
			INSERT INTO appointment_appeal (id, citizen, suspension_id, reason, created_at)
			SELECT :id, :c, s.id, :r, :now FROM appointment_suspension s
			WHERE s.citizen = :c AND s.lifted_at IS NULL AND s.ends_at > :now
			ORDER BY s.ends_at DESC LIMIT 1
			ON CONFLICT (suspension_id) WHERE decided_at IS NULL DO NOTHING
			RETURNING id""";

	private static final String ACTIVE_SUSPENSIONS = """
			SELECT count(*) FROM appointment_suspension WHERE citizen = :c AND lifted_at IS NULL AND ends_at > :now""";

	private static final String OPEN_PAGE = """
			SELECT id, citizen, reason, created_at, decided_at, decided_by, outcome, note FROM appointment_appeal
			WHERE decided_at IS NULL ORDER BY created_at, id LIMIT :limit OFFSET :offset""";

	private final JdbcClient db;
	private final Clock clock;

	Appeals(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	public record Appeal(UUID id, String citizen, String reason, Instant createdAt, Instant decidedAt, String decidedBy,
			String outcome, String note) {
	}

	@Transactional
	public Appeal appeal(OneStopUser citizen, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidInputException("reason", "appointment.appeal.reason.required");
		}
		Timestamp now = Timestamp.from(clock.instant());
		UUID id = db.sql(APPEAL).param("id", UUID.randomUUID()).param("c", citizen.username()).param("r", reason.strip())
			.param("now", now).query(UUID.class).optional()
			.orElseThrow(() -> refusal(citizen.username(), now));
		return find(id);
	}

	// Nothing was inserted: either there is no suspension to appeal, or its appeal is already waiting for a person.
	private ProblemException refusal(String citizen, Timestamp now) {
		boolean suspended = db.sql(ACTIVE_SUSPENSIONS).param("c", citizen).param("now", now).query(Integer.class).single() > 0;
		return new ConflictException(suspended ? "appointment.appeal.already-open" : "appointment.appeal.not-suspended");
	}

	/** One page of the appeals no one has decided yet, oldest first, with how many there are in all. */
	public record OpenAppeals(List<Appeal> items, int page, int size, long total) {
	}

	public OpenAppeals open(int page, int size) {
		if (page < 0 || page > MAX_PAGE) {
			throw new InvalidInputException("page", "appointment.appeal.page");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "appointment.appeal.size", MAX_PAGE_SIZE);
		}
		List<Appeal> items = db.sql(OPEN_PAGE).param("limit", size).param("offset", page * size).query(Appeal.class).list();
		long total = db.sql("SELECT count(*) FROM appointment_appeal WHERE decided_at IS NULL").query(Long.class).single();
		return new OpenAppeals(items, page, size, total);
	}

	/** LIFTED ends the citizen's suspension now; UPHELD leaves it. Either way the note says why. */
	@Transactional
	public Appeal decide(OneStopUser staff, UUID id, String outcome, String note) {
		if (!staff.has(Role.ADMIN) && !staff.has(Role.DEPARTMENT_HEAD)) {
			throw new ForbiddenException("appointment.appeal.forbidden");
		}
		if (!"LIFTED".equals(outcome) && !"UPHELD".equals(outcome)) {
			throw new InvalidInputException("outcome", "appointment.appeal.outcome");
		}
		if (note == null || note.isBlank() || note.length() > 1000) {
			throw new InvalidInputException("note", "appointment.appeal.note.required");
		}
		String citizen = db.sql("""
				UPDATE appointment_appeal SET decided_at = :now, decided_by = :by, outcome = :o, note = :note
				WHERE id = :id AND decided_at IS NULL RETURNING citizen""")
			.param("now", Timestamp.from(clock.instant())).param("by", staff.username()).param("o", outcome)
			.param("note", note.strip()).param("id", id).query(String.class).optional()
			.orElseThrow(() -> new NotFoundException("appointment.appeal.not-found"));
		if ("LIFTED".equals(outcome)) {
			db.sql("""
					UPDATE appointment_suspension SET lifted_at = :now, lifted_by = :by, lift_note = :note
					WHERE citizen = :c AND lifted_at IS NULL""")
				.param("now", Timestamp.from(clock.instant())).param("by", staff.username()).param("note", note.strip())
				.param("c", citizen).update();
		}
		return find(id);
	}

	private Appeal find(UUID id) {
		return db.sql("SELECT * FROM appointment_appeal WHERE id = :id").param("id", id).query(Appeal.class).single();
	}
}
