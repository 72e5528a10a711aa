package org.onestop.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The population registry's API for the other modules. */
@Service
public class PopulationRegistry {

	private static final List<String> RECORD_ITEMS = RegistrySource.ALL.get(0).items().keySet().stream()
		.map(column -> "population." + column).toList();

	private final JdbcClient db;
	private final AccessLog log;

	PopulationRegistry(JdbcClient db, AccessLog log) {
		this.db = db;
		this.log = log;
	}

	/** Checks a claimed identity without handing out any of the record. */
	public IdentityMatch match(ResidentIdNumber idNumber, String name) {
		return db.sql("SELECT name FROM registry_resident WHERE id_number = :id")
			.param("id", idNumber.value())
			.query(String.class)
			.optional()
			.map(registered -> registered.equals(name.strip()) ? IdentityMatch.MATCHED : IdentityMatch.NAME_DIFFERS)
			.orElse(IdentityMatch.NO_SUCH_ID_NUMBER);
	}

	/**
	 * Whether the registry knows this person and they are at least {@code years} old on {@code day}: an age check (the
	 * hall kiosk's green channel, where anyone can type any valid-looking number) that hands out nothing of the record.
	 */
	public boolean agedAtLeast(ResidentIdNumber idNumber, int years, java.time.LocalDate day) {
		return db.sql("""
				SELECT EXISTS (SELECT 1 FROM registry_resident
				               WHERE id_number = :id AND birth_date + make_interval(years => :years) <= :day)""")
			.param("id", idNumber.value()).param("years", years).param("day", java.sql.Date.valueOf(day))
			.query(Boolean.class).single();
	}

	/**
	 * Reads a resident's whole record on behalf of {@code accessor} for a stated purpose; the read is
	 * logged (and audited) in the same transaction.
	 */
	@Transactional
	public Optional<Resident> read(ResidentIdNumber idNumber, Accessor accessor, String purpose) {
		Optional<Resident> resident = db.sql("SELECT * FROM registry_resident WHERE id_number = :id")
			.param("id", idNumber.value())
			.query(PopulationRegistry::resident)
			.optional();
		resident.ifPresent(r -> log.record(idNumber, "population", RECORD_ITEMS, accessor, purpose));
		return resident;
	}

	private static Resident resident(ResultSet rs, int row) throws SQLException {
		return new Resident(new ResidentIdNumber(rs.getString("id_number")), rs.getString("name"),
				Resident.Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", java.time.LocalDate.class),
				rs.getString("ethnicity"), rs.getString("registered_address"), rs.getString("household_number"),
				Resident.MaritalStatus.valueOf(rs.getString("marital_status")), rs.getString("phone"));
	}
}
