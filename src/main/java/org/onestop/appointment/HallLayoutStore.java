package org.onestop.appointment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.onestop.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A hall's layout as stored: the hall row, its groups with their matters, its counters with their groups, and its
 * weekly hours. Each part is one statement, read one after the other: never a query inside another query's row
 * mapper, which would hold one pooled connection while waiting for a second and deadlock the pool under a crowd.
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

	/** The version, and whether the current transaction (if any) has written nothing yet. */
	private static final String VERSION = """
			SELECT version, pg_current_xact_id_if_assigned() IS NULL FROM appointment_layout_version""";

	private final JdbcClient db;
	private final TransactionTemplate readOnly;

	HallLayoutStore(JdbcClient db, PlatformTransactionManager transactions) {
		this.db = db;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** A hall's layout and its hours by weekday (1 = Monday; a weekday without hours is closed). */
	record StoredLayout(HallLayout layout, Map<Integer, Halls.Hours> hours) {
	}

	/** A layout and the layout version read just before it. */
	record Loaded(long version, StoredLayout stored) {
	}

	/**
	 * The layout version as this connection sees it.
	 *
	 * @param clean the current transaction has written nothing, so what it reads is what others committed
	 */
	record Version(long version, boolean clean) {
	}

	Version version() {
		return db.sql(VERSION).query((rs, n) -> new Version(rs.getLong(1), rs.getBoolean(2))).single();
	}

	/**
	 * One transaction, so that the five statements take one pooled connection between them, not five in turn. The
	 * version comes first: a change committed meanwhile makes the layout newer than its version, never older.
	 */
	Optional<Loaded> load(String hall) {
		return readOnly.execute(status -> {
			long version = version().version();
			return db.sql(HALL).param("h", hall).query(HallLayoutStore::hall).optional()
				.map(row -> new Loaded(version, new StoredLayout(row.with(groups(hall), counters(hall)), hours(hall))));
		});
	}

	private List<HallLayout.Group> groups(String hall) {
		return db.sql(GROUPS).param("h", hall)
			.query((rs, n) -> new HallLayout.Group(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)),
					rs.getInt(4), strings(rs.getArray(5))))
			.list();
	}

	private List<HallLayout.Counter> counters(String hall) {
		return db.sql(COUNTERS).param("h", hall)
			.query((rs, n) -> new HallLayout.Counter(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)),
					strings(rs.getArray(4))))
			.list();
	}

	private Map<Integer, Halls.Hours> hours(String hall) {
		return db.sql(HOURS).param("h", hall)
			.query((rs, n) -> Map.entry(rs.getInt(1),
					new Halls.Hours(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime())))
			.list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The hall row alone; its groups and counters are read after it, never from inside its mapper. */
	private record HallRow(String code, LocalizedText name, double walkInShare, int bookingDaysAhead,
			java.time.LocalTime bookingOpensAt, int slotMinutes, int dailyLimit, int maxSkips) {

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
