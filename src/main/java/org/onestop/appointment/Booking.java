package org.onestop.appointment;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online booking (P4: never harder than queuing at the hall). Exactness under a flash crowd rests on three
 * conditional writes in one transaction, no table locks: the citizen's daily count (raised only below the
 * limit), the appointment row (a partial unique index allows one active appointment per citizen and matter),
 * and last, so that the hot row is held for the shortest time, the slot's booked count (raised only below
 * its online capacity). Any refusal rolls the other two back.
 */
@Service
public class Booking {

	private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient db;
	private final Halls halls;
	private final Slots slots;
	private final Clock clock;
	private final ZoneId zone;
	private final ApplicationEventPublisher events;
	private final NoShows noShows;
	private final ApplicationOwners applicationOwners;
	private final MatterDepartments matterDepartments;

	Booking(NoShows noShows, JdbcClient db, Halls halls, Slots slots, Clock clock, PlatformProperties properties,
			ApplicationEventPublisher events, ApplicationOwners applicationOwners, MatterDepartments matterDepartments) {
		this.applicationOwners = applicationOwners;
		this.matterDepartments = matterDepartments;
		this.db = db;
		this.halls = halls;
		this.slots = slots;
		this.clock = clock;
		this.zone = properties.timeZone();
		this.events = events;
		this.noShows = noShows;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** The day's slots for a matter at a hall, with the places left online; empty when the day is not bookable. */
	@Transactional
	public List<Slot> slots(String hall, String serviceCode, LocalDate day) {
		HallLayout layout = halls.layout(hall);
		HallLayout.Group group = layout.groupOf(serviceCode)
			.orElseThrow(() -> new InvalidInputException("serviceCode", "appointment.service.not-here", serviceCode));
		if (!bookable(layout, day)) {
			return List.of();
		}
		slots.ensure(layout, day);
		return slots.of(hall, group.code(), day).stream().filter(s -> s.start().isAfter(clock.instant())).toList();
	}

	/** The first day in the booking window with an online place left for the group, if any. */
	@Transactional
	public java.util.Optional<LocalDate> nextFreeDate(String hall, String group) {
		return nextFreeDate(halls.layout(hall), List.of(group));
	}

	/** The first day in the booking window with an online place left in any group of the hall (for the hall board). */
	@Transactional
	public java.util.Optional<LocalDate> nextFreeDate(String hall) {
		HallLayout layout = halls.layout(hall);
		return nextFreeDate(layout, layout.groups().stream().map(HallLayout.Group::code).toList());
	}

	/**
	 * One query for the whole window (the board used to ask each group about each day); a day whose slots were never
	 * made is made first, which happens once per hall and day across all nodes.
	 */
	private java.util.Optional<LocalDate> nextFreeDate(HallLayout layout, List<String> groups) {
		if (groups.isEmpty()) {
			return java.util.Optional.empty();
		}
		LocalDate first = today();
		LocalDate last = first.plusDays(layout.bookingDaysAhead());
		List<LocalDate> window = halls.openDays(layout.code(), first, last).keySet().stream()
			.filter(day -> bookable(layout, day)).toList();
		java.util.Map<LocalDate, Boolean> made = slots.freeByDay(layout.code(), groups, first, last, clock.instant());
		List<LocalDate> unmade = window.stream().filter(day -> !made.containsKey(day)).toList();
		unmade.forEach(day -> slots.ensure(layout, day));
		java.util.Map<LocalDate, Boolean> free = unmade.isEmpty() ? made
				: slots.freeByDay(layout.code(), groups, first, last, clock.instant());
		return window.stream().filter(day -> Boolean.TRUE.equals(free.get(day))).findFirst();
	}

	/** Within the booking window: today up to N days ahead, the newest day only from the daily opening time. */
	boolean bookable(HallLayout hall, LocalDate day) {
		return bookable(hall.bookingDaysAhead(), hall.bookingOpensAt(), java.time.LocalDateTime.now(clock.withZone(zone)),
				day);
	}

	static boolean bookable(int daysAhead, java.time.LocalTime opensAt, java.time.LocalDateTime now, LocalDate day) {
		LocalDate today = now.toLocalDate();
		LocalDate newest = today.plusDays(daysAhead);
		if (day.isBefore(today) || day.isAfter(newest)) {
			return false;
		}
		return !day.equals(newest) || !now.toLocalTime().isBefore(opensAt);
	}

	/** What booking needs to know of a slot's hall, in one query (this is the hot path of a crowd). */
	private record Rules(int daysAhead, java.time.LocalTime opensAt, int dailyLimit, boolean serves) {
	}

	private Rules rules(Slot slot, String serviceCode) {
		return db.sql("""
				SELECT h.booking_days_ahead, h.booking_opens_at, h.daily_limit,
				       EXISTS (SELECT 1 FROM appointment_group_matter m
				               WHERE m.hall = h.code AND m.group_code = :g AND m.service_code = :s)
				FROM appointment_service_hall h WHERE h.code = :h""")
			.param("h", slot.hall()).param("g", slot.group()).param("s", serviceCode)
			.query((rs, n) -> new Rules(rs.getInt(1), rs.getTime(2).toLocalTime(), rs.getInt(3), rs.getBoolean(4)))
			.single();
	}

	@Transactional
	public BookedAppointment book(OneStopUser citizen, long slotId, String serviceCode, UUID applicationId) {
		if (serviceCode == null || serviceCode.isBlank()) {
			throw new InvalidInputException("serviceCode", "appointment.service.required");
		}
		if (applicationId != null && !applicationOwners.belongsTo(applicationId, citizen.username())) {
			// Another citizen's application and one that does not exist get the same answer: nothing leaks.
			throw new NotFoundException("appointment.application.not-found");
		}
		String service = serviceCode.strip();
		Slot slot = slots.find(slotId)
			.orElseThrow(() -> new InvalidInputException("slotId", "appointment.slot.not-found"));
		Rules rules = rules(slot, service);
		if (!rules.serves()) {
			throw new InvalidInputException("serviceCode", "appointment.service.not-in-slot", service);
		}
		if (!bookable(rules.daysAhead(), rules.opensAt(), java.time.LocalDateTime.now(clock.withZone(zone)), slot.day())
				|| !slot.start().isAfter(clock.instant())) {
			throw new ConflictException("appointment.booking.not-open");
		}
		if (slot.booked() >= slot.onlineCapacity()) {
			// Most losers of a crowd stop here without writing; the conditional UPDATE below still decides.
			throw new ConflictException("appointment.booking.full");
		}
		if (suspended(citizen.username())) {
			throw new ConflictException("appointment.booking.suspended");
		}
		// One upsert: the citizen's day row is made or raised, but only below the limit.
		int withinLimit = db.sql("""
				INSERT INTO appointment_citizen_day (citizen, day, booked) VALUES (:c, :d, 1)
				ON CONFLICT (citizen, day) DO UPDATE SET booked = appointment_citizen_day.booked + 1
				WHERE appointment_citizen_day.booked < :limit""")
			.param("c", citizen.username()).param("d", Date.valueOf(slot.day())).param("limit", rules.dailyLimit()).update();
		if (withinLimit == 0) {
			throw new ConflictException("appointment.booking.daily-limit", rules.dailyLimit());
		}
		UUID id = UUID.randomUUID();
		String code = bookingCode();
		java.time.Instant now = clock.instant();
		boolean inserted = insert(id, code, citizen, slot, service, applicationId, now);
		if (!inserted && noShows.sweepMissed(citizen.username()) > 0) {
			// The active appointment in the way was one the citizen simply missed: now a no-show, try again.
			inserted = insert(id, code, citizen, slot, service, applicationId, now);
			if (suspended(citizen.username())) {
				throw new ConflictException("appointment.booking.suspended");
			}
		}
		if (!inserted) {
			throw new ConflictException("appointment.booking.duplicate");
		}
		int place = db.sql("UPDATE appointment_slot SET booked = booked + 1 WHERE id = :id AND booked < online_capacity")
			.param("id", slot.id()).update();
		if (place == 0) {
			throw new ConflictException("appointment.booking.full");
		}
		events.publishEvent(new AppointmentChanged(citizen.username(), id, "booked"));
		return new BookedAppointment(id, code, slot.hall(), slot.group(), service, slot.day(), slot.start(), slot.end(),
				"BOOKED", applicationId);
	}

	private boolean insert(UUID id, String code, OneStopUser citizen, Slot slot, String service, UUID applicationId,
			java.time.Instant now) {
		return db.sql("""
				INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
				    application_id, status, booked_at, changed_at)
				VALUES (:id, :code, :citizen, :idNumber, :slot, :hall, :group, :service, :day, :application, 'BOOKED', :now, :now)
				ON CONFLICT (citizen, service_code) WHERE status = 'BOOKED' DO NOTHING""")
			.param("id", id).param("code", code).param("citizen", citizen.username()).param("idNumber", citizen.idNumber())
			.param("slot", slot.id()).param("hall", slot.hall()).param("group", slot.group()).param("service", service)
			.param("day", Date.valueOf(slot.day())).param("application", applicationId).param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Cancels one of the citizen's own appointments; the place is free for others at once. */
	@Transactional
	public void cancel(OneStopUser citizen, UUID id) {
		// A visit that has begun can no longer be cancelled: a missed one is a no-show, not a cancellation.
		var row = db.sql("""
				UPDATE appointment a SET status = 'CANCELLED', changed_at = :now
				FROM appointment_slot s
				WHERE a.id = :id AND a.citizen = :c AND a.status = 'BOOKED' AND s.id = a.slot_id AND s.starts_at > :now
				RETURNING a.slot_id, a.day""")
			.param("now", Timestamp.from(clock.instant())).param("id", id).param("c", citizen.username())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getDate(2) }).optional()
			.orElseThrow(() -> new NotFoundException("appointment.not-found"));
		// The same order as booking (citizen's day, then slot), so a booking and a cancel cannot deadlock.
		db.sql("UPDATE appointment_citizen_day SET booked = booked - 1 WHERE citizen = :c AND day = :d AND booked > 0")
			.param("c", citizen.username()).param("d", row[1]).update();
		db.sql("UPDATE appointment_slot SET booked = booked - 1 WHERE id = :id AND booked > 0").param("id", row[0]).update();
		events.publishEvent(new AppointmentChanged(citizen.username(), id, "cancelled"));
	}

	/** Book the new slot and cancel the old appointment, all or nothing. */
	@Transactional
	public BookedAppointment reschedule(OneStopUser citizen, UUID id, long slotId) {
		BookedAppointment old = find(citizen, id);
		if (!"BOOKED".equals(old.status())) {
			throw new NotFoundException("appointment.not-found");
		}
		// Two citizens swapping slots would lock them in opposite orders: lock both, lowest id first.
		long oldSlot = db.sql("SELECT slot_id FROM appointment WHERE id = :id").param("id", id).query(Long.class).single();
		db.sql("SELECT id FROM appointment_slot WHERE id IN (:a, :b) ORDER BY id FOR UPDATE").param("a", oldSlot)
			.param("b", slotId).query(Long.class).list();
		cancel(citizen, id);
		return book(citizen, slotId, old.serviceCode(), old.applicationId());
	}

	public List<BookedAppointment> mine(OneStopUser citizen) {
		return db.sql(SELECT + " WHERE a.citizen = :c ORDER BY s.starts_at DESC LIMIT 100").param("c", citizen.username())
			.query(Booking::map).list();
	}

	/** A citizen's appointments still to come (booked or checked in, today or later), soonest first. */
	List<BookedAppointment> upcoming(String citizen) {
		return db.sql(SELECT + " WHERE a.citizen = :c AND a.status IN ('BOOKED', 'CHECKED_IN') AND a.day >= :today"
				+ " ORDER BY s.starts_at LIMIT 20")
			.param("c", citizen).param("today", java.sql.Date.valueOf(today())).query(Booking::map).list();
	}

	public BookedAppointment find(OneStopUser citizen, UUID id) {
		return db.sql(SELECT + " WHERE a.id = :id AND a.citizen = :c").param("id", id).param("c", citizen.username())
			.query(Booking::map).optional()
			.orElseThrow(() -> new NotFoundException("appointment.not-found"));
	}

	/**
	 * Administrators and department heads add or remove counters for a group on a day. Capacity is kept per hall,
	 * group and day, and a group's counters serve every matter of the group, so a change moves the places of all of
	 * them: a head may change only a group whose matters are all their own department's; a group shared with another
	 * department (or serving nothing) is the administrator's.
	 */
	@Transactional
	public void changeCapacity(OneStopUser staff, String hall, String group, LocalDate day, int countersDelta,
			String reason) {
		if (!staff.has(Role.ADMIN) && !staff.has(Role.DEPARTMENT_HEAD)) {
			throw new ForbiddenException("appointment.capacity.forbidden");
		}
		if (day == null || day.isBefore(today()) || day.isAfter(today().plusDays(365))) {
			throw new InvalidInputException("date", "appointment.capacity.date.range");
		}
		HallLayout layout = halls.layout(hall);
		HallLayout.Group g = layout.group(group)
			.orElseThrow(() -> new InvalidInputException("group", "appointment.group.not-found", group));
		if (!staff.has(Role.ADMIN) && !onlyMattersOf(staff.department(), g.serviceCodes())) {
			throw new ForbiddenException("appointment.capacity.other-department", group, hall);
		}
		if (reason == null || reason.isBlank() || reason.length() > 200) {
			throw new InvalidInputException("reason", "appointment.capacity.reason.required");
		}
		if (countersDelta < -layout.countersFor(group) || countersDelta > 1000) {
			throw new InvalidInputException("countersDelta", "appointment.capacity.delta.range");
		}
		db.sql("""
				INSERT INTO appointment_capacity_change (hall, group_code, day, counters_delta, reason, changed_by, changed_at)
				VALUES (:h, :g, :d, :delta, :reason, :by, :now)
				ON CONFLICT (hall, group_code, day) DO UPDATE SET counters_delta = EXCLUDED.counters_delta,
				    reason = EXCLUDED.reason, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at""")
			.param("h", hall).param("g", group).param("d", Date.valueOf(day)).param("delta", countersDelta)
			.param("reason", reason.strip()).param("by", staff.username()).param("now", Timestamp.from(clock.instant()))
			.update();
		// Make the day's slots first (if it is in the window), so a concurrent first request cannot miss the change.
		slots.ensure(layout, day);
		slots.recompute(layout, g, day);
		events.publishEvent(new CapacityChanged(staff.username(), hall, group, day, countersDelta, reason.strip()));
	}

	private boolean onlyMattersOf(String department, List<String> serviceCodes) {
		if (department == null || serviceCodes.isEmpty()) {
			return false;
		}
		java.util.Map<String, String> departments = matterDepartments.of(serviceCodes);
		return serviceCodes.stream().allMatch(code -> department.equals(departments.get(code)));
	}

	boolean suspended(String citizen) {
		return db.sql("""
				SELECT count(*) FROM appointment_suspension WHERE citizen = :c AND lifted_at IS NULL AND ends_at > :now""")
			.param("c", citizen).param("now", Timestamp.from(clock.instant())).query(Integer.class).single() > 0;
	}

	private static final String SELECT = """
			SELECT a.id, a.booking_code, a.hall, a.group_code, a.service_code, a.day, s.starts_at, s.ends_at, a.status,
			       a.application_id
			FROM appointment a JOIN appointment_slot s ON s.id = a.slot_id""";

	private static BookedAppointment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new BookedAppointment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getDate(6).toLocalDate(), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
				rs.getString(9), rs.getObject(10, UUID.class));
	}

	/** Ten characters of Crockford base32 (50 bits): short enough to read out, too many to guess. */
	static String bookingCode() {
		char[] code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}
}
