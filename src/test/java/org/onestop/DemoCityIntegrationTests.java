package org.onestop;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.registry.IdentityMatch;
import org.onestop.registry.PopulationRegistry;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo city is complete, consistent, and loading it again duplicates nothing. */
@IntegrationTest
class DemoCityIntegrationTests {

	@Autowired
	JdbcClient db;

	@Autowired
	List<ApplicationRunner> runners;

	@Autowired
	PopulationRegistry registry;

	private long count(String table) {
		return db.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void theCityHasItsDepartmentsResidentsHallsAndAccounts() {
		assertThat(db.sql("SELECT code FROM identity_department").query(String.class).list()).contains("PS", "CA", "HR",
				"MI", "MR", "HU", "TR", "HE");
		// Tests add their own residents (testdata.Residents, one region of their own):
		// count the demo city's.
		assertThat(db.sql("SELECT count(*) FROM registry_resident WHERE id_number NOT LIKE :tests")
			.param("tests", Residents.REGION + "%")
			.query(Long.class)
			.single()).isEqualTo(201);
		assertThat(count("appointment_service_hall")).isEqualTo(3);
		assertThat(db.sql("SELECT username FROM identity_account").query(String.class).list()).contains("li.na",
				"wang.fang", "zhao.lei", "li.mei", "clerk.civil", "reviewer.civil", "supervisor.civil", "field.civil",
				"clerk.ps", "reviewer.ps", "agent.hotline", "dispatcher", "admin", "auditor");
		assertThat(db
			.sql("SELECT count(DISTINCT household_number) FROM registry_resident WHERE household_number IN "
					+ "(SELECT household_number FROM registry_resident GROUP BY 1 HAVING count(*) > 2)")
			.query(Long.class)
			.single()).isGreaterThan(10);
	}

	@Test
	void demoCitizensAreResidentsAndWangFangIs72() {
		db.sql("SELECT a.display_name, c.id_number FROM identity_account a JOIN identity_citizen c ON c.account_id = a.id")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(
					row -> assertThat(registry.match(ResidentIdNumber.parse(row.get(1)), row.get(0))).as(row.toString())
						.isEqualTo(IdentityMatch.MATCHED));
		String wangFang = db
			.sql("SELECT c.id_number FROM identity_citizen c JOIN identity_account a ON a.id = c.account_id "
					+ "WHERE a.username = 'wang.fang'")
			.query(String.class)
			.single();
		assertThat(Period.between(ResidentIdNumber.parse(wangFang).birthDate(), LocalDate.of(2026, 11, 29)).getYears())
			.isEqualTo(72);
		assertThat(registry.match(ResidentIdNumber.parse("110101199003071233"), "陈晓明"))
			.isEqualTo(IdentityMatch.MATCHED);
	}

	@Test
	void theOtherRegistriesOnlyKnowResidentsAndMarriedCouplesAreMarriedToEachOther() {
		for (String check : new String[] {
				"SELECT count(*) FROM registry_marriage m WHERE NOT EXISTS (SELECT 1 FROM registry_resident r WHERE r.id_number = m.husband_id_number AND r.sex = 'M' AND r.marital_status = 'MARRIED')",
				"SELECT count(*) FROM registry_marriage m WHERE NOT EXISTS (SELECT 1 FROM registry_resident r WHERE r.id_number = m.wife_id_number AND r.sex = 'F' AND r.marital_status = 'MARRIED')",
				"SELECT count(*) FROM registry_social_security s WHERE NOT EXISTS (SELECT 1 FROM registry_resident r WHERE r.id_number = s.id_number AND r.birth_date <= DATE '2008-11-29')",
				"SELECT count(*) FROM registry_medical_insurance s WHERE NOT EXISTS (SELECT 1 FROM registry_resident r WHERE r.id_number = s.id_number)",
				"SELECT count(*) FROM registry_property p WHERE NOT EXISTS (SELECT 1 FROM registry_resident r WHERE r.id_number = p.owner_id_number AND r.registered_address = p.address)",
				"SELECT count(*) FROM registry_vehicle v WHERE NOT EXISTS (SELECT 1 FROM registry_resident r WHERE r.id_number = v.owner_id_number)",
				"SELECT count(*) FROM registry_business b WHERE NOT EXISTS (SELECT 1 FROM registry_resident r WHERE r.id_number = b.operator_id_number)" }) {
			assertThat(db.sql(check).query(Long.class).single()).as(check).isZero();
		}
		assertThat(count("registry_medical_insurance")).isEqualTo(200);
	}

	@Test
	void registryRecordsAgreeWithTheirIdNumbers() {
		// The demo city's residents only: tests may move a resident's birthday about (a
		// child turning 16 today) without a new ID number.
		db.sql("SELECT id_number, sex, birth_date FROM registry_resident WHERE id_number NOT LIKE :tests")
			.param("tests", Residents.REGION + "%")
			.query((rs, n) -> {
				ResidentIdNumber id = ResidentIdNumber.parse(rs.getString(1));
				assertThat(id.birthDate()).isEqualTo(rs.getObject(3, LocalDate.class));
				assertThat(id.male()).isEqualTo("M".equals(rs.getString(2)));
				return id;
			})
			.list();
	}

	@Test
	void loadingTheDemoCityAgainAddsNothing() throws Exception {
		long accounts = count("identity_account");
		long residents = count("registry_resident");
		long roles = count("identity_staff_role");
		long halls = count("appointment_service_hall");
		long marriages = count("registry_marriage");
		for (ApplicationRunner runner : runners) {
			runner.run(new DefaultApplicationArguments());
		}
		// Accounts deleted behind the loader's back are not resurrected twice either: it
		// checks per row.
		assertThat(count("identity_account")).isEqualTo(accounts);
		assertThat(count("registry_resident")).isEqualTo(residents);
		assertThat(count("identity_staff_role")).isEqualTo(roles);
		assertThat(count("appointment_service_hall")).isEqualTo(halls);
		assertThat(count("registry_marriage")).isEqualTo(marriages).isPositive();
	}

}
