package org.onestop.appointment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import java.util.Optional;

import org.onestop.platform.PlatformProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Time slots and their capacity: open counters for the group × slot minutes ÷ the group's minutes per
 * citizen, less the walk-in share. Slots are written when first needed, with INSERT … ON CONFLICT DO NOTHING,
 * so two nodes making the same day's slots make them once.
 */
@Component
class Slots {

	private final JdbcClient db;
	private final Halls halls;
	private final ZoneId zone;

	Slots(JdbcClient db, Halls halls, PlatformProperties properties) {
		this.db = db;
		this.halls = halls;
		this.zone = properties.timeZone();
	}

	/** Capacity of one slot, and the part of it that may be booked online. */
	record Capacity(int total, int online) {

		static Capacity of(double counters, int slotMinutes, int serviceMinutes, double walkInShare) {
			int total = (int) Math.floor(Math.max(0, counters) * slotMinutes / serviceMinutes + 1e-9);
			int walkIns = (int) Math.ceil(walkInShare * total - 1e-9);
			return new Capacity(total, Math.max(0, total - walkIns));
		}
	}

	Capacity capacity(HallLayout hall, HallLayout.Group group, LocalDate day) {
		int delta = db.sql("SELECT counters_delta FROM appointment_capacity_change WHERE hall = :h AND group_code = :g AND day = :d")
			.param("h", hall.code()).param("g", group.code()).param("d", Date.valueOf(day)).query(Integer.class).optional()
			.orElse(0);
		return Capacity.of(hall.counterShare(group.code()) + delta, hall.slotMinutes(), group.serviceMinutes(),
				hall.walkInShare());
	}

	/** Makes the day's slots of every group of the hall, if the hall opens that day and they do not exist yet. */
	void ensure(HallLayout hall, LocalDate day) {
		boolean exists = db.sql("SELECT EXISTS (SELECT 1 FROM appointment_slot WHERE hall = :h AND day = :d)")
			.param("h", hall.code()).param("d", Date.valueOf(day)).query(Boolean.class).single();
		if (exists) {
			return;
		}
		Optional<Halls.Hours> hours = halls.hours(hall.code(), day);
		if (hours.isEmpty()) {
			return;
		}
		for (HallLayout.Group group : hall.groups()) {
			Capacity capacity = capacity(hall, group, day);
			for (LocalDateTime start = day.atTime(hours.get().opens()); !start.plusMinutes(hall.slotMinutes())
				.isAfter(day.atTime(hours.get().closes())); start = start.plusMinutes(hall.slotMinutes())) {
				db.sql("""
						INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity)
						VALUES (:h, :g, :d, :start, :end, :total, :online) ON CONFLICT DO NOTHING""")
					.param("h", hall.code()).param("g", group.code()).param("d", Date.valueOf(day))
					.param("start", Timestamp.from(start.atZone(zone).toInstant()))
					.param("end", Timestamp.from(start.plusMinutes(hall.slotMinutes()).atZone(zone).toInstant()))
					.param("total", capacity.total()).param("online", capacity.online()).update();
			}
		}
	}

	List<Slot> of(String hall, String group, LocalDate day) {
		return db.sql("""
				SELECT id, hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked FROM appointment_slot
				WHERE hall = :h AND group_code = :g AND day = :d ORDER BY starts_at""")
			.param("h", hall).param("g", group).param("d", Date.valueOf(day)).query(Slots::map).list();
	}

	/**
	 * For each day from {@code from} to {@code to} whose slots of these groups exist: whether any of them, still to
	 * start after {@code now}, has an online place left.
	 */
	java.util.Map<LocalDate, Boolean> freeByDay(String hall, List<String> groups, LocalDate from, LocalDate to,
			java.time.Instant now) {
		return db.sql("""
				SELECT day, bool_or(booked < online_capacity AND starts_at > :now) FROM appointment_slot
				WHERE hall = :h AND group_code IN (:g) AND day BETWEEN :from AND :to GROUP BY day""")
			.param("h", hall).param("g", groups).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> java.util.Map.entry(rs.getDate(1).toLocalDate(), rs.getBoolean(2))).list().stream()
			.collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
	}

	Optional<Slot> find(long id) {
		return db.sql("""
				SELECT id, hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked
				FROM appointment_slot WHERE id = :id""").param("id", id).query(Slots::map).optional();
	}

	/** Every group's existing slots from today on follow a change of the hall's settings. */
	void recomputeAll(HallLayout hall, LocalDate from) {
		List<LocalDate> days = db.sql("SELECT DISTINCT day FROM appointment_slot WHERE hall = :h AND day >= :d")
			.param("h", hall.code()).param("d", Date.valueOf(from)).query(LocalDate.class).list();
		for (LocalDate day : days) {
			hall.groups().forEach(group -> recompute(hall, group, day));
		}
	}

	/** A day's capacity changed: existing slots follow, but never below what is already booked. */
	void recompute(HallLayout hall, HallLayout.Group group, LocalDate day) {
		Capacity capacity = capacity(hall, group, day);
		db.sql("""
				UPDATE appointment_slot SET capacity = greatest(:total, booked), online_capacity = greatest(:online, booked)
				WHERE hall = :h AND group_code = :g AND day = :d""")
			.param("total", capacity.total()).param("online", capacity.online()).param("h", hall.code())
			.param("g", group.code()).param("d", Date.valueOf(day)).update();
	}

	private static Slot map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Slot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8), rs.getInt(9));
	}

}
