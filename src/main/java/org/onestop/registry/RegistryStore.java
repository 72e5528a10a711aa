package org.onestop.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.registry.SyntheticResidents.Synthetic;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registries' tables: residents, the other registries' records (each source's own
 * statement) and the access log.
 */
@Component
class RegistryStore {

	private final JdbcClient db;

	RegistryStore(JdbcClient db) {
		this.db = db;
	}

	Optional<String> registeredName(ResidentIdNumber idNumber) {
		return db.sql("SELECT name FROM registry_resident WHERE id_number = :id")
			.param("id", idNumber.value())
			.query(String.class)
			.optional();
	}

	boolean agedAtLeast(ResidentIdNumber idNumber, int years, LocalDate day) {
		return db.sql("""
				SELECT EXISTS (SELECT 1 FROM registry_resident
				               WHERE id_number = :id AND birth_date + make_interval(years => :years) <= :day)""")
			.param("id", idNumber.value())
			.param("years", years)
			.param("day", Date.valueOf(day))
			.query(Boolean.class)
			.single();
	}

	List<PopulationRegistry.HouseholdMinor> minorsInHouseholdOf(ResidentIdNumber adult, int adultYears, int minorYears,
			LocalDate day) {
		return db.sql("""
				SELECT c.id_number, c.name, c.birth_date
				FROM registry_resident a
				JOIN registry_resident c ON c.household_number = a.household_number AND c.id_number <> a.id_number
				WHERE a.id_number = :adult AND a.birth_date + make_interval(years => :adultYears) <= :day
				  AND c.birth_date + make_interval(years => :minorYears) > :day
				ORDER BY c.birth_date, c.id_number""")
			.param("adult", adult.value())
			.param("adultYears", adultYears)
			.param("minorYears", minorYears)
			.param("day", Date.valueOf(day))
			.query((rs, n) -> new PopulationRegistry.HouseholdMinor(new ResidentIdNumber(rs.getString("id_number")),
					rs.getString("name"), rs.getDate("birth_date").toLocalDate()))
			.list();
	}

	Optional<Resident> resident(ResidentIdNumber idNumber) {
		return db.sql("SELECT * FROM registry_resident WHERE id_number = :id")
			.param("id", idNumber.value())
			.query(RegistryStore::resident)
			.optional();
	}

	/**
	 * The wanted columns of the source's record about a resident, those that hold a
	 * value; empty when it has none.
	 */
	Map<String, Object> record(RegistrySource source, ResidentIdNumber idNumber, List<String> columns) {
		Map<String, Object> values = new LinkedHashMap<>();
		// Each source's statement (a constant in RegistrySource) answers at most one row.
		db.sql(source.sql()).param("id", idNumber.value()).query((RowCallbackHandler) rs -> {
			for (String column : columns) {
				Object value = rs.getObject(column);
				if (value != null) {
					values.put(column, value);
				}
			}
		});
		return values;
	}

	/** The items of one registry read in one go. */
	record RegistryRead(String registry, List<String> items) {
	}

	/**
	 * Logs reads, once per resident, registry, items, accessor and purpose: a repeated
	 * read (a form reloaded) counts on the same row, by one upsert that two nodes cannot
	 * double. The reads of several registries (each once, so no row is hit twice) go in
	 * one statement: a submission's prefill reads two or more. Each item travels with its
	 * registry and is gathered back in its order; the rows are written in the order of
	 * the reads.
	 */
	void logAccess(Instant at, ResidentIdNumber idNumber, List<RegistryRead> reads, Accessor accessor, String purpose) {
		if (reads.isEmpty()) {
			return;
		}
		List<String> registries = new ArrayList<>();
		List<String> items = new ArrayList<>();
		reads.forEach(read -> read.items().forEach(item -> {
			registries.add(read.registry());
			items.add(item);
		}));
		db.sql("""
				INSERT INTO registry_access AS a (accessed_at, last_accessed_at, id_number, registry, items, accessor,
				    accessor_kind, department, purpose)
				SELECT :at, :at, :id, r.registry, array_agg(r.item ORDER BY r.n), :accessor, :kind, :department, :purpose
				FROM unnest(:registries::text[], :items::text[]) WITH ORDINALITY AS r(registry, item, n)
				GROUP BY r.registry
				ORDER BY min(r.n)
				ON CONFLICT (id_number, registry, accessor, purpose, items) DO UPDATE
				SET last_accessed_at = GREATEST(a.last_accessed_at, EXCLUDED.last_accessed_at), times = a.times + 1""")
			.param("at", Timestamp.from(at))
			.param("id", idNumber.value())
			.param("registries", registries.toArray(String[]::new))
			.param("items", items.toArray(String[]::new))
			.param("accessor", accessor.username())
			.param("kind", accessor.kind().name())
			.param("department", accessor.department())
			.param("purpose", purpose)
			.update();
	}

	List<DataAccess> accesses(ResidentIdNumber idNumber, int limit) {
		return db
			.sql("""
					SELECT accessed_at, registry, items, accessor, accessor_kind, department, purpose, last_accessed_at, times
					FROM registry_access
					WHERE id_number = :id ORDER BY last_accessed_at DESC, id DESC LIMIT :limit""")
			.param("id", idNumber.value())
			.param("limit", limit)
			.query((rs, n) -> new DataAccess(rs.getTimestamp(1).toInstant(), rs.getString(2),
					Arrays.stream((Object[]) rs.getArray(3).getArray()).map(String.class::cast).toList(),
					rs.getString(4), Accessor.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8).toInstant(), rs.getInt(9)))
			.list();
	}

	/** A synthetic resident for load tests; one already present is left alone. */
	void addIfAbsent(Synthetic resident, String householdNumber) {
		db.sql("""
				INSERT INTO registry_resident (id_number, name, sex, birth_date, ethnicity, registered_address,
				    household_number, marital_status, phone)
				VALUES (:id, :name, :sex, :birth, '汉族', '北京市测试区测试路1号', :household, 'UNMARRIED', :phone)
				ON CONFLICT DO NOTHING""")
			.param("id", resident.idNumber().value())
			.param("name", resident.name())
			.param("sex", resident.idNumber().male() ? "M" : "F")
			.param("birth", Date.valueOf(resident.idNumber().birthDate()))
			.param("household", householdNumber)
			.param("phone", resident.phone())
			.update();
	}

	private static Resident resident(ResultSet rs, int row) throws SQLException {
		return new Resident(new ResidentIdNumber(rs.getString("id_number")), rs.getString("name"),
				Resident.Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
				rs.getString("ethnicity"), rs.getString("registered_address"), rs.getString("household_number"),
				Resident.MaritalStatus.valueOf(rs.getString("marital_status")), rs.getString("phone"));
	}

}
