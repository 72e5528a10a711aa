package org.onestop.appointment.booking;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.CheckedIn;
import org.onestop.platform.ChannelCounts;
import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appointments ({@code appointment}) and each citizen's bookings per day
 * ({@code appointment_citizen_day}), from booking to check-in, completion or no-show; and
 * the one read of a hall's booking rules that booking needs.
 */
@Component
class AppointmentStore {

	/**
	 * What booking needs to know before it writes, in one query (this is the hot path of
	 * a crowd, and most of a crowd is refused on what it says): the slot, its hall's
	 * rules, whether the slot's group serves the matter and whether the citizen's online
	 * booking is suspended.
	 */
	private static final String BOOKABLE = """
			SELECT s.id, s.hall, s.group_code, s.day, s.starts_at, s.ends_at, s.capacity, s.online_capacity, s.booked,
			       h.booking_days_ahead, h.booking_opens_at, h.daily_limit,
			       EXISTS (SELECT 1 FROM appointment_group_matter m
			               WHERE m.hall = s.hall AND m.group_code = s.group_code AND m.service_code = :service),
			       EXISTS (SELECT 1 FROM appointment_suspension p
			               WHERE p.citizen = :citizen AND p.lifted_at IS NULL AND p.ends_at > :now)
			FROM appointment_slot s JOIN appointment_service_hall h ON h.code = s.hall WHERE s.id = :slot""";

	/** One upsert: the citizen's day row is made or raised, but only below the limit. */
	private static final String COUNT_DAY = """
			INSERT INTO appointment_citizen_day (citizen, day, booked) VALUES (:c, :d, 1)
			ON CONFLICT (citizen, day) DO UPDATE SET booked = appointment_citizen_day.booked + 1
			WHERE appointment_citizen_day.booked < :limit""";

	private static final String UNCOUNT_DAY = """
			UPDATE appointment_citizen_day SET booked = booked - 1 WHERE citizen = :c AND day = :d AND booked > 0""";

	private static final String ADD = """
			INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
			    application_id, status, booked_at, changed_at, channel)
			VALUES (:id, :code, :citizen, :idNumber, :slot, :hall, :group, :service, :day, :application, 'BOOKED', :now, :now,
			    :channel)
			ON CONFLICT (citizen, service_code) WHERE status = 'BOOKED' DO NOTHING""";

	/**
	 * A visit that has begun can no longer be cancelled: a missed one is a no-show, not a
	 * cancellation.
	 */
	private static final String CANCEL = """
			UPDATE appointment a SET status = 'CANCELLED', changed_at = :now
			FROM appointment_slot s
			WHERE a.id = :id AND a.citizen = :c AND a.status = 'BOOKED' AND s.id = a.slot_id AND s.starts_at > :now
			RETURNING a.slot_id, a.day""";

	private static final String SLOT_OF = "SELECT slot_id FROM appointment WHERE id = :id";

	private static final String SELECT = """
			SELECT a.id, a.booking_code, a.hall, a.group_code, a.service_code, a.day, s.starts_at, s.ends_at, a.status,
			       a.application_id, a.booked_by_name
			FROM appointment a JOIN appointment_slot s ON s.id = a.slot_id""";

	private static final String MINE = SELECT + " WHERE a.citizen = :c ORDER BY s.starts_at DESC LIMIT 100";

	private static final String UPCOMING = SELECT + """
			 WHERE a.citizen = :c AND a.status IN ('BOOKED', 'CHECKED_IN') AND a.day >= :today
			ORDER BY s.starts_at LIMIT 20""";

	private static final String BOOKED_BY = "UPDATE appointment SET booked_by = :by, booked_by_name = :name WHERE id = :id";

	private static final String FIND = SELECT + " WHERE a.id = :id AND a.citizen = :c";

	/**
	 * Today's first booked appointment at the hall with this booking code (and ID number
	 * ending, when given).
	 */
	private static final String CHECK_IN_BY_CODE = """
			UPDATE appointment a SET status = 'CHECKED_IN', changed_at = :now
			FROM appointment_slot s
			WHERE a.id = (SELECT id FROM appointment WHERE hall = :hall AND day = :day AND status = 'BOOKED'
			                AND booking_code = :code AND (:suffix::text IS NULL OR right(id_number, 4) = :suffix)
			              ORDER BY booked_at LIMIT 1 FOR UPDATE SKIP LOCKED)
			  AND s.id = a.slot_id
			RETURNING a.id, a.citizen, a.id_number, a.service_code, a.group_code, s.starts_at, s.ends_at, a.application_id""";

	/**
	 * By ID number, any of the person's appointments today in the same matter group (a
	 * kiosk asks for the group).
	 */
	private static final String CHECK_IN_BY_ID_NUMBER = """
			UPDATE appointment a SET status = 'CHECKED_IN', changed_at = :now
			FROM appointment_slot s
			WHERE a.id = (SELECT id FROM appointment WHERE hall = :hall AND day = :day AND status = 'BOOKED'
			                AND id_number = :idNumber AND (:group::text IS NULL OR group_code = :group)
			              ORDER BY booked_at LIMIT 1 FOR UPDATE SKIP LOCKED)
			  AND s.id = a.slot_id
			RETURNING a.id, a.citizen, a.id_number, a.service_code, a.group_code, s.starts_at, s.ends_at, a.application_id""";

	private static final String CHECKED_IN_TODAY = """
			SELECT id FROM appointment
			WHERE hall = :hall AND day = :day AND status = 'CHECKED_IN' AND booking_code = :code
			  AND (:suffix::text IS NULL OR right(id_number, 4) = :suffix)""";

	private static final String COMPLETE = """
			UPDATE appointment SET status = 'COMPLETED', changed_at = :now WHERE id = :id AND status = 'CHECKED_IN'""";

	private static final String NO_SHOW = """
			UPDATE appointment SET status = 'NO_SHOW', changed_at = :now
			WHERE id = :id AND status IN ('BOOKED', 'CHECKED_IN') RETURNING citizen""";

	private static final String MISSED = """
			UPDATE appointment a SET status = 'NO_SHOW', changed_at = :now
			FROM appointment_slot s
			WHERE s.id = a.slot_id AND a.status = 'BOOKED' AND s.ends_at < :cutoff
			  AND (:citizen::text IS NULL OR a.citizen = :citizen)
			RETURNING a.citizen""";

	private static final String NO_SHOWS_SINCE = """
			SELECT count(*) FROM appointment WHERE citizen = :c AND status = 'NO_SHOW' AND changed_at >= :since""";

	private final JdbcClient db;

	AppointmentStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * A slot as booking sees it: with its hall's booking window and daily limit, whether
	 * its group serves the matter, and whether the citizen may book online at all now.
	 */
	record Bookable(Slot slot, int daysAhead, LocalTime opensAt, int dailyLimit, boolean serves, boolean suspended) {
	}

	Optional<Bookable> bookable(long slot, String serviceCode, String citizen, Instant now) {
		return db.sql(BOOKABLE)
			.param("slot", slot)
			.param("service", serviceCode)
			.param("citizen", citizen)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Bookable(
					new Slot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
							rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8),
							rs.getInt(9)),
					rs.getInt(10), rs.getTime(11).toLocalTime(), rs.getInt(12), rs.getBoolean(13), rs.getBoolean(14)))
			.optional();
	}

	/**
	 * Counts one more booking on the citizen's day; false when the day is at its limit.
	 */
	boolean countDay(String citizen, LocalDate day, int limit) {
		return db.sql(COUNT_DAY).param("c", citizen).param("d", Date.valueOf(day)).param("limit", limit).update() > 0;
	}

	void uncountDay(String citizen, LocalDate day) {
		db.sql(UNCOUNT_DAY).param("c", citizen).param("d", Date.valueOf(day)).update();
	}

	/**
	 * Adds a booked appointment; false when the citizen already has one booked for the
	 * matter.
	 */
	boolean add(UUID id, String code, String citizen, String idNumber, Slot slot, String service, UUID applicationId,
			ContactChannel channel, Instant now) {
		return db.sql(ADD)
			.param("id", id)
			.param("code", code)
			.param("citizen", citizen)
			.param("idNumber", idNumber)
			.param("slot", slot.id())
			.param("hall", slot.hall())
			.param("group", slot.group())
			.param("service", service)
			.param("day", Date.valueOf(slot.day()))
			.param("application", applicationId)
			.param("channel", channel.name())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Appointments booked in {@code [from, to)}, per channel and matter. */
	List<ChannelCounts.Counted> countedByChannel(Instant from, Instant to) {
		return db.sql("""
				SELECT channel, service_code, count(*)::int FROM appointment
				WHERE booked_at >= :from AND booked_at < :to GROUP BY channel, service_code""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new ChannelCounts.Counted(ContactChannel.valueOf(rs.getString(1)), rs.getString(2),
					rs.getInt(3)))
			.list();
	}

	/** The slot and day of a cancelled appointment, whose place goes back. */
	record Cancelled(long slot, LocalDate day) {
	}

	Optional<Cancelled> cancel(UUID id, String citizen, Instant now) {
		return db.sql(CANCEL)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("c", citizen)
			.query((rs, n) -> new Cancelled(rs.getLong(1), rs.getDate(2).toLocalDate()))
			.optional();
	}

	long slotOf(UUID id) {
		return db.sql(SLOT_OF).param("id", id).query(Long.class).single();
	}

	/** Records who booked the appointment for the citizen. */
	void bookedBy(UUID id, String representative, String name) {
		db.sql(BOOKED_BY).param("id", id).param("by", representative).param("name", name).update();
	}

	List<BookedAppointment> mine(String citizen) {
		return db.sql(MINE).param("c", citizen).query(AppointmentStore::booked).list();
	}

	List<BookedAppointment> upcoming(String citizen, LocalDate today) {
		return db.sql(UPCOMING)
			.param("c", citizen)
			.param("today", Date.valueOf(today))
			.query(AppointmentStore::booked)
			.list();
	}

	Optional<BookedAppointment> find(UUID id, String citizen) {
		return db.sql(FIND).param("id", id).param("c", citizen).query(AppointmentStore::booked).optional();
	}

	Optional<CheckedIn> checkInByCode(String hall, LocalDate day, String code, String idSuffix, Instant now) {
		return db.sql(CHECK_IN_BY_CODE)
			.param("code", code)
			.param("suffix", idSuffix)
			.param("hall", hall)
			.param("day", Date.valueOf(day))
			.param("now", Timestamp.from(now))
			.query(AppointmentStore::checkedIn)
			.optional();
	}

	Optional<CheckedIn> checkInByIdNumber(String hall, LocalDate day, String idNumber, String group, Instant now) {
		return db.sql(CHECK_IN_BY_ID_NUMBER)
			.param("idNumber", idNumber)
			.param("group", group)
			.param("hall", hall)
			.param("day", Date.valueOf(day))
			.param("now", Timestamp.from(now))
			.query(AppointmentStore::checkedIn)
			.optional();
	}

	Optional<UUID> checkedIn(String hall, LocalDate day, String code, String idSuffix) {
		return db.sql(CHECKED_IN_TODAY)
			.param("hall", hall)
			.param("day", Date.valueOf(day))
			.param("code", code)
			.param("suffix", idSuffix)
			.query(UUID.class)
			.optional();
	}

	void complete(UUID id, Instant now) {
		db.sql(COMPLETE).param("now", Timestamp.from(now)).param("id", id).update();
	}

	/**
	 * Marks a booked or checked-in appointment a no-show; its citizen, or nothing when it
	 * had moved on.
	 */
	Optional<String> noShow(UUID id, Instant now) {
		return db.sql(NO_SHOW).param("now", Timestamp.from(now)).param("id", id).query(String.class).optional();
	}

	/**
	 * Marks booked appointments whose slot ended before {@code cutoff} no-shows; their
	 * citizens, once per appointment.
	 */
	List<String> missed(Instant cutoff, String citizenOrNull, Instant now) {
		return db.sql(MISSED)
			.param("now", Timestamp.from(now))
			.param("cutoff", Timestamp.from(cutoff))
			.param("citizen", citizenOrNull)
			.query(String.class)
			.list();
	}

	int noShowsSince(String citizen, Instant since) {
		return db.sql(NO_SHOWS_SINCE)
			.param("c", citizen)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	private static BookedAppointment booked(ResultSet rs, int n) throws SQLException {
		return new BookedAppointment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getDate(6).toLocalDate(), rs.getTimestamp(7).toInstant(),
				rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11));
	}

	private static CheckedIn checkedIn(ResultSet rs, int n) throws SQLException {
		return new CheckedIn(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
				rs.getObject(8, UUID.class));
	}

}
