package org.onestop.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The population registry's API for the other modules. */
@Service
public class PopulationRegistry {

	private final JdbcClient db;
	private final ApplicationEventPublisher events;

	PopulationRegistry(JdbcClient db, ApplicationEventPublisher events) {
		this.db = db;
		this.events = events;
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
	 * Reads a resident's record on behalf of {@code actor} for a stated purpose; the read is audited
	 * in the same transaction.
	 */
	@Transactional
	public Optional<Resident> read(ResidentIdNumber idNumber, String actor, String purpose) {
		Optional<Resident> resident = db.sql("SELECT * FROM registry_resident WHERE id_number = :id")
			.param("id", idNumber.value())
			.query(PopulationRegistry::resident)
			.optional();
		resident.ifPresent(r -> events.publishEvent(new ResidentRecordRead(actor, idNumber, purpose)));
		return resident;
	}

	private static Resident resident(ResultSet rs, int row) throws SQLException {
		return new Resident(new ResidentIdNumber(rs.getString("id_number")), rs.getString("name"),
				Resident.Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", java.time.LocalDate.class),
				rs.getString("ethnicity"), rs.getString("registered_address"), rs.getString("household_number"),
				Resident.MaritalStatus.valueOf(rs.getString("marital_status")), rs.getString("phone"));
	}
}
