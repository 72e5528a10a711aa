package org.onestop.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what identity tells other modules: the departments, and whether a username is
 * active staff.
 */
@Repository
class DirectoryStore {

	private static final String DEPARTMENTS = "SELECT code, name_zh, name_en FROM identity_department ORDER BY code";

	private static final String DEPARTMENT = "SELECT code, name_zh, name_en FROM identity_department WHERE code = :code";

	private static final String ACTIVE_STAFF = """
			SELECT count(*) FROM identity_account WHERE username = :u AND kind = 'STAFF' AND enabled""";

	private final JdbcClient db;

	DirectoryStore(JdbcClient db) {
		this.db = db;
	}

	List<Department> departments() {
		return db.sql(DEPARTMENTS).query(Department.class).list();
	}

	Optional<Department> department(String code) {
		return db.sql(DEPARTMENT).param("code", code).query(Department.class).optional();
	}

	boolean isActiveStaff(String username) {
		return db.sql(ACTIVE_STAFF).param("u", username).query(Integer.class).single() > 0;
	}

	private static final String HOLDERS = """
			SELECT a.username FROM identity_account a
			JOIN identity_staff s ON s.account_id = a.id
			JOIN identity_staff_role r ON r.account_id = a.id
			WHERE a.enabled AND s.department_code = :department AND r.role = :role
			ORDER BY a.username""";

	List<String> holders(String department, Role role) {
		return db.sql(HOLDERS).param("department", department).param("role", role.name()).query(String.class).list();
	}

	private static final String CITIZEN_USERNAME = """
			SELECT a.username FROM identity_citizen c JOIN identity_account a ON a.id = c.account_id
			WHERE c.id_number = :idNumber""";

	private static final String CITIZEN_ID_NUMBER = """
			SELECT c.id_number FROM identity_citizen c JOIN identity_account a ON a.id = c.account_id
			WHERE a.username = :username""";

	Optional<String> citizenUsername(String idNumber) {
		return db.sql(CITIZEN_USERNAME).param("idNumber", idNumber).query(String.class).optional();
	}

	Optional<String> citizenIdNumber(String username) {
		return db.sql(CITIZEN_ID_NUMBER).param("username", username).query(String.class).optional();
	}

	private static final String CITIZEN_PHONE = """
			SELECT c.phone FROM identity_account a JOIN identity_citizen c ON c.account_id = a.id
			WHERE a.username = :u AND a.enabled""";

	Optional<String> citizenPhone(String username) {
		return db.sql(CITIZEN_PHONE).param("u", username).query(String.class).optional();
	}

}
