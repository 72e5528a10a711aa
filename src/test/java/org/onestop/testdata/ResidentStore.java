package org.onestop.testdata;

import java.math.BigDecimal;
import java.sql.Date;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes test residents into the registry module's tables, the way its demo data does.
 */
class ResidentStore {

	private static final String ADD_RESIDENT = """
			INSERT INTO registry_resident (id_number, name, sex, birth_date, ethnicity, registered_address,
			    household_number, marital_status, phone)
			VALUES (:id, :name, :sex, :birth, '汉族', :address, :household, 'UNMARRIED', :phone)
			ON CONFLICT (id_number) DO NOTHING""";

	private static final String ADD_SOCIAL_SECURITY = """
			INSERT INTO registry_social_security (id_number, status, employer, contribution_months, card_number,
			    pension_monthly_yuan)
			VALUES (:id, :status, NULL, :months, :card, :pension)""";

	private final JdbcClient db;

	ResidentStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Adds the resident to the population registry; false when someone holds that ID
	 * number already.
	 */
	boolean add(Resident resident, int number) {
		return db.sql(ADD_RESIDENT)
			.param("id", resident.idNumber().value())
			.param("name", resident.name())
			.param("sex", resident.idNumber().male() ? "M" : "F")
			.param("birth", Date.valueOf(resident.birthDate()))
			.param("address", "北京市门头沟区测试路%d号".formatted(number))
			.param("household", "110109%06d".formatted(number % 1_000_000))
			.param("phone", resident.phone())
			.update() == 1;
	}

	/** A retired contributor with a pension, paid to their social-security card. */
	void addRetired(Resident resident) {
		db.sql(ADD_SOCIAL_SECURITY)
			.param("id", resident.idNumber().value())
			.param("status", "RETIRED")
			.param("months", 300)
			.param("card", resident.socialSecurityCard())
			.param("pension", new BigDecimal("3200.00"))
			.update();
	}

}
