package org.onestop.appointment.booking;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The slots ({@code appointment_slot}) and the day-by-day counter changes that size them.
 */
@Component
class SlotStore {

	private static final String COUNTERS_DELTA = """
			SELECT counters_delta FROM appointment_capacity_change WHERE hall = :h AND group_code = :g AND day = :d""";

	private static final String CHANGE_COUNTERS = """
			INSERT INTO appointment_capacity_change (hall, group_code, day, counters_delta, reason, changed_by, changed_at)
			VALUES (:h, :g, :d, :delta, :reason, :by, :now)
			ON CONFLICT (hall, group_code, day) DO UPDATE SET counters_delta = EXCLUDED.counters_delta,
			    reason = EXCLUDED.reason, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at""";

	private static final String ANY_ON = "SELECT EXISTS (SELECT 1 FROM appointment_slot WHERE hall = :h AND day = :d)";

	private static final String ADD = """
			INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity)
			VALUES (:h, :g, :d, :start, :end, :total, :online) ON CONFLICT DO NOTHING""";

	private static final String COLUMNS = """
			SELECT id, hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked FROM appointment_slot""";

	private static final String OF_DAY = COLUMNS
			+ " WHERE hall = :h AND group_code = :g AND day = :d ORDER BY starts_at";

	private static final String FIND = COLUMNS + " WHERE id = :id";

	private static final String FREE_BY_DAY = """
			SELECT day, bool_or(booked < online_capacity AND starts_at > :now) FROM appointment_slot
			WHERE hall = :h AND group_code IN (:g) AND day BETWEEN :from AND :to GROUP BY day""";

	private static final String DAYS_FROM = "SELECT DISTINCT day FROM appointment_slot WHERE hall = :h AND day >= :d";

	private static final String RESIZE = """
			UPDATE appointment_slot SET capacity = greatest(:total, booked), online_capacity = greatest(:online, booked)
			WHERE hall = :h AND group_code = :g AND day = :d""";

	private static final String TAKE_PLACE = """
			UPDATE appointment_slot SET booked = booked + 1 WHERE id = :id AND booked < online_capacity""";

	private static final String GIVE_BACK_PLACE = """
			UPDATE appointment_slot SET booked = booked - 1 WHERE id = :id AND booked > 0""";

	private static final String LOCK_BOTH = "SELECT id FROM appointment_slot WHERE id IN (:a, :b) ORDER BY id FOR UPDATE";

	private final JdbcClient db;

	SlotStore(JdbcClient db) {
		this.db = db;
	}

	int countersDelta(String hall, String group, LocalDate day) {
		return db.sql(COUNTERS_DELTA)
			.param("h", hall)
			.param("g", group)
			.param("d", Date.valueOf(day))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void changeCounters(String hall, String group, LocalDate day, int delta, String reason, String by, Instant now) {
		db.sql(CHANGE_COUNTERS)
			.param("h", hall)
			.param("g", group)
			.param("d", Date.valueOf(day))
			.param("delta", delta)
			.param("reason", reason)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean anyOn(String hall, LocalDate day) {
		return db.sql(ANY_ON).param("h", hall).param("d", Date.valueOf(day)).query(Boolean.class).single();
	}

	/** Adds a slot unless it exists (another node may be making the same day). */
	void add(String hall, String group, LocalDate day, Instant start, Instant end, Slots.Capacity capacity) {
		db.sql(ADD)
			.param("h", hall)
			.param("g", group)
			.param("d", Date.valueOf(day))
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.param("total", capacity.total())
			.param("online", capacity.online())
			.update();
	}

	List<Slot> of(String hall, String group, LocalDate day) {
		return db.sql(OF_DAY)
			.param("h", hall)
			.param("g", group)
			.param("d", Date.valueOf(day))
			.query(SlotStore::slot)
			.list();
	}

	Optional<Slot> find(long id) {
		return db.sql(FIND).param("id", id).query(SlotStore::slot).optional();
	}

	/**
	 * For each day whose slots of these groups exist: whether any of them, starting after
	 * now, has a place online.
	 */
	Map<LocalDate, Boolean> freeByDay(String hall, List<String> groups, LocalDate from, LocalDate to, Instant now) {
		return db.sql(FREE_BY_DAY)
			.param("h", hall)
			.param("g", groups)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getBoolean(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	List<LocalDate> daysFrom(String hall, LocalDate from) {
		return db.sql(DAYS_FROM).param("h", hall).param("d", Date.valueOf(from)).query(LocalDate.class).list();
	}

	/**
	 * The group's slots that day take the new capacity, but never below what is already
	 * booked.
	 */
	void resize(String hall, String group, LocalDate day, Slots.Capacity capacity) {
		db.sql(RESIZE)
			.param("total", capacity.total())
			.param("online", capacity.online())
			.param("h", hall)
			.param("g", group)
			.param("d", Date.valueOf(day))
			.update();
	}

	/** Takes one online place of the slot; false when none is left. */
	boolean takePlace(long slot) {
		return db.sql(TAKE_PLACE).param("id", slot).update() == 1;
	}

	void giveBackPlace(long slot) {
		db.sql(GIVE_BACK_PLACE).param("id", slot).update();
	}

	/**
	 * Locks both slots, lowest id first, so that two citizens swapping slots cannot
	 * deadlock.
	 */
	void lockInOrder(long a, long b) {
		db.sql(LOCK_BOTH).param("a", a).param("b", b).query(Long.class).list();
	}

	private static Slot slot(ResultSet rs, int n) throws SQLException {
		return new Slot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8),
				rs.getInt(9));
	}

}
