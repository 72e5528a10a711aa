package org.onestop.appointment.hall;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.ServiceHall;
import org.onestop.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The halls' tables: a hall's layout as stored (the hall row, its groups with their
 * matters, its counters with their groups, and its weekly hours), who works there, and
 * the administrators' changes to them. Each part of a layout is one statement, read one
 * after the other: never a query inside another query's row mapper, which would hold one
 * pooled connection while waiting for a second and deadlock the pool under a crowd.
 */
@Component
class HallLayoutStore {

	private static final String HALL = """
			SELECT code, name_zh, name_en, walk_in_share, booking_days_ahead, booking_opens_at, slot_minutes, daily_limit,
			       max_skips
			FROM appointment_service_hall WHERE code = :h""";

	private static final String GROUPS = """
			SELECT g.code, g.name_zh, g.name_en, g.service_minutes,
			       array_remove(array_agg(m.service_code ORDER BY m.service_code), NULL)
			FROM appointment_group g
			LEFT JOIN appointment_group_matter m ON m.hall = g.hall AND m.group_code = g.code
			WHERE g.hall = :h GROUP BY g.code, g.name_zh, g.name_en, g.service_minutes ORDER BY g.code""";

	private static final String COUNTERS = """
			SELECT c.id, c.name_zh, c.name_en, array_remove(array_agg(cg.group_code ORDER BY cg.group_code), NULL)
			FROM appointment_counter c
			LEFT JOIN appointment_counter_group cg ON cg.hall = c.hall AND cg.counter = c.id
			WHERE c.hall = :h GROUP BY c.id, c.name_zh, c.name_en ORDER BY c.id""";

	private static final String HOURS = "SELECT weekday, opens, closes FROM appointment_hall_hours WHERE hall = :h";

	private static final String CODES = "SELECT code FROM appointment_service_hall ORDER BY code";

	private static final String SERVICE_HALLS = "SELECT * FROM appointment_service_hall ORDER BY code";

	private static final String WORKS_AT = """
			SELECT count(*) FROM appointment_hall_staff WHERE hall = :h AND username = :u""";

	private static final String SETTINGS = """
			UPDATE appointment_service_hall SET walk_in_share = :share, booking_days_ahead = :days,
			    booking_opens_at = :opens, daily_limit = :limit, max_skips = :skips WHERE code = :h""";

	private static final String CLOSE_ON = "DELETE FROM appointment_hall_hours WHERE hall = :h AND weekday = :d";

	private static final String OPEN_ON = """
			INSERT INTO appointment_hall_hours (hall, weekday, opens, closes) VALUES (:h, :d, :o, :c)
			ON CONFLICT (hall, weekday) DO UPDATE SET opens = EXCLUDED.opens, closes = EXCLUDED.closes""";

	private static final String PUT_GROUP = """
			INSERT INTO appointment_group (hall, code, name_zh, name_en, service_minutes) VALUES (:h, :c, :zh, :en, :m)
			ON CONFLICT (hall, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
			    service_minutes = EXCLUDED.service_minutes""";

	private static final String MOVE_MATTER = """
			INSERT INTO appointment_group_matter (hall, group_code, service_code) VALUES (:h, :c, :s)
			ON CONFLICT (hall, service_code) DO UPDATE SET group_code = EXCLUDED.group_code""";

	private static final String PUT_COUNTER = """
			INSERT INTO appointment_counter (hall, id, name_zh, name_en) VALUES (:h, :id, :zh, :en)
			ON CONFLICT (hall, id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en""";

	private static final String CLEAR_COUNTER_GROUPS = """
			DELETE FROM appointment_counter_group WHERE hall = :h AND counter = :id""";

	private static final String ADD_COUNTER_GROUP = """
			INSERT INTO appointment_counter_group (hall, counter, group_code) VALUES (:h, :id, :g)""";

	private static final String ASSIGN = """
			INSERT INTO appointment_hall_staff (hall, username) VALUES (:h, :u) ON CONFLICT DO NOTHING""";

	private static final String UNASSIGN = "DELETE FROM appointment_hall_staff WHERE hall = :h AND username = :u";

	/**
	 * The version, and whether the current transaction (if any) has written nothing yet.
	 */
	private static final String VERSION = """
			SELECT version, pg_current_xact_id_if_assigned() IS NULL FROM appointment_layout_version""";

	private final JdbcClient db;

	private final TransactionTemplate readOnly;

	HallLayoutStore(JdbcClient db, PlatformTransactionManager transactions) {
		this.db = db;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * A hall's layout and its hours by weekday (1 = Monday; a weekday without hours is
	 * closed).
	 */
	record StoredLayout(HallLayout layout, Map<Integer, Halls.Hours> hours) {
	}

	/** A layout and the layout version read just before it. */
	record Loaded(long version, StoredLayout stored) {
	}

	/**
	 * The layout version as this connection sees it.
	 *
	 * @param clean the current transaction has written nothing, so what it reads is what
	 * others committed
	 */
	record Version(long version, boolean clean) {
	}

	Version version() {
		return db.sql(VERSION).query((rs, n) -> new Version(rs.getLong(1), rs.getBoolean(2))).single();
	}

	/**
	 * One transaction, so that the five statements take one pooled connection between
	 * them, not five in turn. The version comes first: a change committed meanwhile makes
	 * the layout newer than its version, never older.
	 */
	Optional<Loaded> load(String hall) {
		return readOnly.execute(status -> {
			long version = version().version();
			return db.sql(HALL)
				.param("h", hall)
				.query(HallLayoutStore::hall)
				.optional()
				.map(row -> new Loaded(version, new StoredLayout(row.with(groups(hall), counters(hall)), hours(hall))));
		});
	}

	List<String> codes() {
		return db.sql(CODES).query(String.class).list();
	}

	List<ServiceHall> serviceHalls() {
		return db.sql(SERVICE_HALLS).query(ServiceHall.class).list();
	}

	boolean worksAt(String username, String hall) {
		return db.sql(WORKS_AT).param("h", hall).param("u", username).query(Integer.class).single() > 0;
	}

	void changeSettings(String hall, double walkInShare, int daysAhead, LocalTime opensAt, int dailyLimit,
			int maxSkips) {
		db.sql(SETTINGS)
			.param("share", walkInShare)
			.param("days", daysAhead)
			.param("opens", Time.valueOf(opensAt))
			.param("limit", dailyLimit)
			.param("skips", maxSkips)
			.param("h", hall)
			.update();
	}

	void closeOn(String hall, int weekday) {
		db.sql(CLOSE_ON).param("h", hall).param("d", weekday).update();
	}

	void openOn(String hall, int weekday, LocalTime opens, LocalTime closes) {
		db.sql(OPEN_ON)
			.param("h", hall)
			.param("d", weekday)
			.param("o", Time.valueOf(opens))
			.param("c", Time.valueOf(closes))
			.update();
	}

	/**
	 * Creates or renames a group; each matter named moves to it (a matter belongs to one
	 * group per hall).
	 */
	void putGroup(String hall, String code, LocalizedText name, int serviceMinutes, List<String> serviceCodes) {
		db.sql(PUT_GROUP)
			.param("h", hall)
			.param("c", code)
			.param("zh", name.zh())
			.param("en", name.en())
			.param("m", serviceMinutes)
			.update();
		for (String service : serviceCodes) {
			db.sql(MOVE_MATTER).param("h", hall).param("c", code).param("s", service).update();
		}
	}

	/** Creates or renames a counter, which then serves exactly these groups. */
	void putCounter(String hall, String id, LocalizedText name, List<String> groups) {
		db.sql(PUT_COUNTER).param("h", hall).param("id", id).param("zh", name.zh()).param("en", name.en()).update();
		db.sql(CLEAR_COUNTER_GROUPS).param("h", hall).param("id", id).update();
		groups.forEach(group -> db.sql(ADD_COUNTER_GROUP).param("h", hall).param("id", id).param("g", group).update());
	}

	void assign(String hall, String username) {
		db.sql(ASSIGN).param("h", hall).param("u", username).update();
	}

	void unassign(String hall, String username) {
		db.sql(UNASSIGN).param("h", hall).param("u", username).update();
	}

	private List<HallLayout.Group> groups(String hall) {
		return db.sql(GROUPS)
			.param("h", hall)
			.query((rs, n) -> new HallLayout.Group(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)),
					rs.getInt(4), strings(rs.getArray(5))))
			.list();
	}

	private List<HallLayout.Counter> counters(String hall) {
		return db.sql(COUNTERS)
			.param("h", hall)
			.query((rs, n) -> new HallLayout.Counter(rs.getString(1),
					new LocalizedText(rs.getString(2), rs.getString(3)), strings(rs.getArray(4))))
			.list();
	}

	private Map<Integer, Halls.Hours> hours(String hall) {
		return db.sql(HOURS)
			.param("h", hall)
			.query((rs, n) -> Map.entry(rs.getInt(1),
					new Halls.Hours(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime())))
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The hall row alone; its groups and counters are read after it, never from inside
	 * its mapper.
	 */
	private record HallRow(String code, LocalizedText name, double walkInShare, int bookingDaysAhead,
			LocalTime bookingOpensAt, int slotMinutes, int dailyLimit, int maxSkips) {

		HallLayout with(List<HallLayout.Group> groups, List<HallLayout.Counter> counters) {
			return new HallLayout(code, name, walkInShare, bookingDaysAhead, bookingOpensAt, slotMinutes, dailyLimit,
					maxSkips, groups, counters);
		}
	}

	private static HallRow hall(ResultSet rs, int row) throws SQLException {
		return new HallRow(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)), rs.getDouble(4),
				rs.getInt(5), rs.getTime(6).toLocalTime(), rs.getInt(7), rs.getInt(8), rs.getInt(9));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.copyOf(Arrays.asList((String[]) array.getArray()));
	}

}
