package org.onestop.appointment;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The flash crowd's direct view of the database: the hall's capacity settings, the plain-JDBC reference (the
 * statement sequence of {@code Booking.book}: citizen-day upsert, its conditional UPDATE, the appointment
 * INSERT … ON CONFLICT on the partial unique index, the slot's conditional UPDATE, in one transaction), the
 * checks for overbooking and double booking, and the reset between phases.
 */
final class CrowdDatabase {

	record Citizen(String username, String idNumber) {
	}

	/** @param counters the group's counter share (a counter serving two groups gives each half), as OneStop counts */
	record Settings(String group, int slotMinutes, int serviceMinutes, double walkInShare, double counters, int dailyLimit) {

		int online(double counters) {
			int total = (int) Math.floor(Math.max(0, counters) * slotMinutes / serviceMinutes + 1e-9);
			return total - (int) Math.ceil(walkInShare * total - 1e-9);
		}
	}

	private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final String url;

	CrowdDatabase(String url) {
		this.url = url;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url);
	}

	Settings settings(String hall, String serviceCode) throws SQLException {
		try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
				SELECT m.group_code, h.slot_minutes, g.service_minutes, h.walk_in_share, h.daily_limit,
				       (SELECT coalesce(sum(1.0 / (SELECT count(*) FROM appointment_counter_group x
				                                   WHERE x.hall = cg.hall AND x.counter = cg.counter)), 0)
				        FROM appointment_counter_group cg WHERE cg.hall = h.code AND cg.group_code = g.code)
				FROM appointment_service_hall h JOIN appointment_group_matter m ON m.hall = h.code
				JOIN appointment_group g ON g.hall = h.code AND g.code = m.group_code
				WHERE h.code = ? AND m.service_code = ?""")) {
			s.setString(1, hall);
			s.setString(2, serviceCode);
			ResultSet rs = s.executeQuery();
			rs.next();
			return new Settings(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(6), rs.getInt(5));
		}
	}

	List<Citizen> citizens(int count) throws SQLException {
		List<Citizen> citizens = new ArrayList<>();
		try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
				SELECT a.username, c.id_number FROM identity_account a JOIN identity_citizen c ON c.account_id = a.id
				WHERE a.username LIKE 'load.citizen.%' ORDER BY a.username LIMIT ?""")) {
			s.setInt(1, count);
			ResultSet rs = s.executeQuery();
			while (rs.next()) {
				citizens.add(new Citizen(rs.getString(1), rs.getString(2)));
			}
		}
		return citizens;
	}

	/**
	 * The reference's connections: {@code size} sessions, each a connection with the four statements prepared,
	 * shared by all workers as a pool of that size would be (OneStop's own pool holds 20 by default).
	 */
	BlockingQueue<Session> sessions(int size) throws SQLException {
		BlockingQueue<Session> sessions = new ArrayBlockingQueue<>(size);
		for (int i = 0; i < size; i++) {
			sessions.add(new Session(connect()));
		}
		return sessions;
	}

	/** One attempt borrows a session, runs the sequence in one transaction and gives the session back. */
	static Crowd.Attempt reference(BlockingQueue<Session> sessions, List<Citizen> citizens, long[] slotIds, String hall,
			String group, String serviceCode, LocalDate day, int dailyLimit) {
		Date date = Date.valueOf(day);
		return (citizen, slot) -> {
			Session session = sessions.take();
			try {
				return session.book(citizens.get(citizen), slotIds[slot], hall, group, serviceCode, date, dailyLimit);
			}
			finally {
				sessions.add(session);
			}
		};
	}

	static final class Session {

		private final Connection c;
		private final PreparedStatement dayRow;
		private final PreparedStatement dayCount;
		private final PreparedStatement appointment;
		private final PreparedStatement place;

		Session(Connection c) throws SQLException {
			this.c = c;
			c.setAutoCommit(false);
			dayRow = c.prepareStatement(
					"INSERT INTO appointment_citizen_day (citizen, day) VALUES (?, ?) ON CONFLICT DO NOTHING");
			dayCount = c.prepareStatement(
					"UPDATE appointment_citizen_day SET booked = booked + 1 WHERE citizen = ? AND day = ? AND booked < ?");
			appointment = c.prepareStatement("""
					INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
					    application_id, status, booked_at, changed_at, channel)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, 'WEB')
					ON CONFLICT (citizen, service_code) WHERE status = 'BOOKED' DO NOTHING""");
			place = c.prepareStatement(
					"UPDATE appointment_slot SET booked = booked + 1 WHERE id = ? AND booked < online_capacity");
		}

		String book(Citizen citizen, long slotId, String hall, String group, String serviceCode, Date day,
				int dailyLimit) throws SQLException {
			String outcome = attempt(citizen, slotId, hall, group, serviceCode, day, dailyLimit);
			if ("201".equals(outcome)) {
				c.commit();
			}
			else {
				c.rollback();
			}
			return outcome;
		}

		private String attempt(Citizen citizen, long slotId, String hall, String group, String serviceCode, Date day,
				int dailyLimit) throws SQLException {
			dayRow.setString(1, citizen.username());
			dayRow.setDate(2, day);
			dayRow.executeUpdate();
			dayCount.setString(1, citizen.username());
			dayCount.setDate(2, day);
			dayCount.setInt(3, dailyLimit);
			if (dayCount.executeUpdate() == 0) {
				return "409 daily limit";
			}
			Timestamp now = Timestamp.from(Instant.now());
			appointment.setObject(1, UUID.randomUUID());
			appointment.setString(2, bookingCode());
			appointment.setString(3, citizen.username());
			appointment.setString(4, citizen.idNumber());
			appointment.setLong(5, slotId);
			appointment.setString(6, hall);
			appointment.setString(7, group);
			appointment.setString(8, serviceCode);
			appointment.setDate(9, day);
			appointment.setObject(10, null, java.sql.Types.OTHER);
			appointment.setTimestamp(11, now);
			appointment.setTimestamp(12, now);
			if (appointment.executeUpdate() == 0) {
				return "409 duplicate";
			}
			place.setLong(1, slotId);
			return place.executeUpdate() == 0 ? "409 full" : "201";
		}

		void close() throws SQLException {
			c.close();
		}
	}

	/** What the database holds for the crowd's slots, and the two numbers that must be 0. */
	record Check(int placesBooked, int appointmentsBooked, int overbookedByCount, int overbookedByRows,
			int slotsOutOfStep, int doubleBookings, int citizenDaysOutOfStep) {

		boolean exact() {
			return overbookedByCount == 0 && overbookedByRows == 0 && slotsOutOfStep == 0 && doubleBookings == 0
					&& citizenDaysOutOfStep == 0;
		}
	}

	Check check(long[] slotIds, LocalDate day) throws SQLException {
		try (Connection c = connect()) {
			Array ids = c.createArrayOf("bigint", box(slotIds));
			Map<String, Integer> n = new LinkedHashMap<>();
			query(c, n, ids, "places", "SELECT coalesce(sum(booked), 0) FROM appointment_slot WHERE id = ANY(?)");
			query(c, n, ids, "rows", "SELECT count(*) FROM appointment WHERE slot_id = ANY(?) AND status = 'BOOKED'");
			query(c, n, ids, "overCount", """
					SELECT coalesce(sum(greatest(0, booked - online_capacity)), 0) FROM appointment_slot WHERE id = ANY(?)""");
			query(c, n, ids, "overRows", """
					SELECT coalesce(sum(greatest(0, coalesce(a.n, 0) - s.online_capacity)), 0) FROM appointment_slot s
					LEFT JOIN (SELECT slot_id, count(*) n FROM appointment WHERE status = 'BOOKED' GROUP BY slot_id) a
					       ON a.slot_id = s.id WHERE s.id = ANY(?)""");
			query(c, n, ids, "outOfStep", """
					SELECT count(*) FROM appointment_slot s
					LEFT JOIN (SELECT slot_id, count(*) n FROM appointment WHERE status = 'BOOKED' GROUP BY slot_id) a
					       ON a.slot_id = s.id WHERE s.id = ANY(?) AND s.booked <> coalesce(a.n, 0)""");
			query(c, n, null, "double", """
					SELECT count(*) FROM (SELECT citizen, service_code FROM appointment WHERE status = 'BOOKED'
					                      GROUP BY citizen, service_code HAVING count(*) > 1) d""");
			try (PreparedStatement s = c.prepareStatement("""
					SELECT count(*) FROM appointment_citizen_day d
					LEFT JOIN (SELECT citizen, count(*) n FROM appointment WHERE day = ? AND status = 'BOOKED' GROUP BY citizen) a
					       ON a.citizen = d.citizen
					WHERE d.day = ? AND d.booked <> coalesce(a.n, 0)""")) {
				s.setDate(1, Date.valueOf(day));
				s.setDate(2, Date.valueOf(day));
				ResultSet rs = s.executeQuery();
				rs.next();
				n.put("days", rs.getInt(1));
			}
			return new Check(n.get("places"), n.get("rows"), n.get("overCount"), n.get("overRows"), n.get("outOfStep"),
					n.get("double"), n.get("days"));
		}
	}

	/** Frees the crowd's slots again: its appointments and the citizens' day counts go, booked returns to 0. */
	void reset(long[] slotIds, LocalDate day) throws SQLException {
		try (Connection c = connect()) {
			Array ids = c.createArrayOf("bigint", box(slotIds));
			try (PreparedStatement s = c.prepareStatement("DELETE FROM appointment WHERE slot_id = ANY(?)")) {
				s.setArray(1, ids);
				s.executeUpdate();
			}
			try (PreparedStatement s = c.prepareStatement("UPDATE appointment_slot SET booked = 0 WHERE id = ANY(?)")) {
				s.setArray(1, ids);
				s.executeUpdate();
			}
			try (PreparedStatement s = c.prepareStatement(
					"DELETE FROM appointment_citizen_day WHERE day = ? AND citizen LIKE 'load.citizen.%'")) {
				s.setDate(1, Date.valueOf(day));
				s.executeUpdate();
			}
			try (Statement s = c.createStatement()) {
				s.execute("VACUUM ANALYZE appointment, appointment_slot, appointment_citizen_day");
			}
		}
	}

	private static void query(Connection c, Map<String, Integer> into, Array ids, String key, String sql)
			throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			if (ids != null) {
				s.setArray(1, ids);
			}
			ResultSet rs = s.executeQuery();
			rs.next();
			into.put(key, rs.getInt(1));
		}
	}

	private static Long[] box(long[] ids) {
		return java.util.Arrays.stream(ids).boxed().toArray(Long[]::new);
	}

	static String bookingCode() {
		char[] code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}
}
