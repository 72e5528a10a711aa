package org.onestop.reference;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking the plainest way (issue 18, target 3): Spring MVC, JdbcTemplate and one
 * {@code @Transactional} method running the statement sequence of OneStop's
 * {@code Booking.book} as it is now — the slot, the hall's rules, the suspension check,
 * the citizen's day count, the appointment insert on the partial unique index, the
 * missed-appointment sweep when an active booking is in the way, and the slot's
 * conditional update. No sign-in: the citizen and their ID number come in headers. A
 * refusal is an exception, so that Spring rolls the writes back, answered as a small
 * problem JSON with the same English detail texts OneStop sends (the generator tells the
 * outcomes apart by them).
 */
@RestController
class BookingReference {

	private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate db;

	BookingReference(JdbcTemplate db) {
		this.db = db;
	}

	record BookingRequest(long slotId, String serviceCode) {
	}

	record Booked(UUID id, String bookingCode, String hall, String group, String serviceCode, LocalDate day,
			Instant start, Instant end, String status) {
	}

	record BookingSlot(long id, String hall, String group, LocalDate day, Instant start, Instant end,
			int onlineCapacity, int booked) {
	}

	record BookingRules(int daysAhead, LocalTime opensAt, int dailyLimit, boolean serves) {
	}

	static final class BookingRefused extends RuntimeException {

		final HttpStatus status;

		BookingRefused(HttpStatus status, String detail) {
			super(detail, null, false, false);
			this.status = status;
		}

	}

	@PostMapping("/appointments")
	@Transactional
	public ResponseEntity<Booked> book(@RequestHeader("X-Citizen") String citizen,
			@RequestHeader("X-Id-Number") String idNumber, @RequestBody BookingRequest request) {
		String service = request.serviceCode().strip();
		List<BookingSlot> found = db.query("""
				SELECT id, hall, group_code, day, starts_at, ends_at, online_capacity, booked FROM appointment_slot
				WHERE id = ?""", (rs, n) -> new BookingSlot(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
				rs.getInt(7), rs.getInt(8)), request.slotId());
		if (found.isEmpty()) {
			throw new BookingRefused(HttpStatus.BAD_REQUEST, "No such slot");
		}
		BookingSlot slot = found.get(0);
		BookingRules rules = db.queryForObject("""
				SELECT h.booking_days_ahead, h.booking_opens_at, h.daily_limit,
				       EXISTS (SELECT 1 FROM appointment_group_matter m
				               WHERE m.hall = h.code AND m.group_code = ? AND m.service_code = ?)
				FROM appointment_service_hall h WHERE h.code = ?""",
				(rs, n) -> new BookingRules(rs.getInt(1), rs.getTime(2).toLocalTime(), rs.getInt(3), rs.getBoolean(4)),
				slot.group(), service, slot.hall());
		if (!rules.serves()) {
			throw new BookingRefused(HttpStatus.BAD_REQUEST, "This slot is not for that service");
		}
		Instant now = Instant.now();
		if (!open(rules, slot, now)) {
			throw new BookingRefused(HttpStatus.CONFLICT, "This slot cannot be booked now");
		}
		if (slot.booked() >= slot.onlineCapacity()) {
			throw new BookingRefused(HttpStatus.CONFLICT, "This slot has no online places left");
		}
		if (suspended(citizen, now)) {
			throw new BookingRefused(HttpStatus.CONFLICT, "Your online booking is paused");
		}
		if (db.update("""
				INSERT INTO appointment_citizen_day (citizen, day, booked) VALUES (?, ?, 1)
				ON CONFLICT (citizen, day) DO UPDATE SET booked = appointment_citizen_day.booked + 1
				WHERE appointment_citizen_day.booked < ?""", citizen, Date.valueOf(slot.day()), rules.dailyLimit()) == 0) {
			throw new BookingRefused(HttpStatus.CONFLICT, "At most " + rules.dailyLimit() + " appointments on one day");
		}
		UUID id = UUID.randomUUID();
		String code = bookingCode();
		boolean added = add(id, code, citizen, idNumber, slot, service, now);
		if (!added && sweepMissed(citizen, now) > 0) {
			added = add(id, code, citizen, idNumber, slot, service, now);
		}
		if (!added) {
			throw new BookingRefused(HttpStatus.CONFLICT, "You already have an appointment for this service");
		}
		if (db.update("UPDATE appointment_slot SET booked = booked + 1 WHERE id = ? AND booked < online_capacity",
				slot.id()) == 0) {
			throw new BookingRefused(HttpStatus.CONFLICT, "This slot has no online places left");
		}
		return ResponseEntity.created(URI.create("/appointments/" + id))
			.body(new Booked(id, code, slot.hall(), slot.group(), service, slot.day(), slot.start(), slot.end(),
					"BOOKED"));
	}

	@ExceptionHandler(BookingRefused.class)
	ResponseEntity<ProblemDetail> refused(BookingRefused refused) {
		return ResponseEntity.status(refused.status)
			.body(ProblemDetail.forStatusAndDetail(refused.status, refused.getMessage()));
	}

	private static boolean open(BookingRules rules, BookingSlot slot, Instant now) {
		LocalDateTime local = LocalDateTime.ofInstant(now, ZONE);
		LocalDate today = local.toLocalDate();
		LocalDate newest = today.plusDays(rules.daysAhead());
		boolean window = !slot.day().isBefore(today) && !slot.day().isAfter(newest)
				&& (!slot.day().equals(newest) || !local.toLocalTime().isBefore(rules.opensAt()));
		return window && slot.start().isAfter(now);
	}

	private boolean suspended(String citizen, Instant now) {
		Integer active = db.queryForObject("""
				SELECT count(*) FROM appointment_suspension WHERE citizen = ? AND lifted_at IS NULL AND ends_at > ?""",
				Integer.class, citizen, Timestamp.from(now));
		return active != null && active > 0;
	}

	private boolean add(UUID id, String code, String citizen, String idNumber, BookingSlot slot, String service,
			Instant now) {
		Timestamp at = Timestamp.from(now);
		return db.update("""
				INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
				    application_id, status, booked_at, changed_at, channel)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'BOOKED', ?, ?, 'WEB')
				ON CONFLICT (citizen, service_code) WHERE status = 'BOOKED' DO NOTHING""", id, code, citizen, idNumber,
				slot.id(), slot.hall(), slot.group(), service, Date.valueOf(slot.day()), at, at) == 1;
	}

	/** OneStop's sweep of the citizen's missed appointments (no rule applied: none are missed in a crowd). */
	private int sweepMissed(String citizen, Instant now) {
		return db.query("""
				UPDATE appointment a SET status = 'NO_SHOW', changed_at = ?
				FROM appointment_slot s
				WHERE s.id = a.slot_id AND a.status = 'BOOKED' AND s.ends_at < ? AND a.citizen = ?
				RETURNING a.citizen""", (rs, n) -> rs.getString(1), Timestamp.from(now),
				Timestamp.from(now.minusSeconds(1800)), citizen).size();
	}

	private static String bookingCode() {
		char[] code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

}
