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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A suspended citizen asks a person to look again (a person is one step away); a head of department decides. */
@Service
public class Appeals {

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
		UUID id = UUID.randomUUID();
		db.sql("INSERT INTO appointment_appeal (id, citizen, reason, created_at) VALUES (:id, :c, :r, :now)")
			.param("id", id).param("c", citizen.username()).param("r", reason.strip())
			.param("now", Timestamp.from(clock.instant())).update();
		return find(id);
	}

	public List<Appeal> open() {
		return db.sql("SELECT * FROM appointment_appeal WHERE decided_at IS NULL ORDER BY created_at").query(Appeal.class)
			.list();
	}

	/** LIFTED ends the citizen's suspension now; UPHELD leaves it. Either way the note says why. */
	@Transactional
	public Appeal decide(OneStopUser staff, UUID id, String outcome, String note) {
		if (!staff.has(Role.ADMIN) && !staff.has(Role.DEPARTMENT_HEAD)) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "appointment.appeal.forbidden");
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
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "appointment.appeal.not-found"));
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
