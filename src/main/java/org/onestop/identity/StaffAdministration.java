package org.onestop.identity;

import java.util.List;
import java.util.Set;

import org.onestop.platform.FormValidation;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ConflictException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators create staff accounts and change their department, roles and standing. */
@Service
class StaffAdministration {

	private final FormValidation validation;
	private final Departments departments;
	private final PasswordEncoder passwords;
	private final JdbcClient db;
	private final ApplicationEventPublisher events;
	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StaffAdministration(FormValidation validation, Departments departments, PasswordEncoder passwords, JdbcClient db,
			ApplicationEventPublisher events, FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.validation = validation;
		this.departments = departments;
		this.passwords = passwords;
		this.db = db;
		this.events = events;
		this.sessions = sessions;
	}

	List<StaffMember> list() {
		return db.sql("""
				SELECT a.username, a.display_name, s.department_code, a.enabled,
				       ARRAY(SELECT r.role FROM identity_staff_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
				FROM identity_account a JOIN identity_staff s ON s.account_id = a.id ORDER BY s.department_code, a.username""")
			.query((rs, n) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3),
					java.util.Arrays.stream((Object[]) rs.getArray("roles").getArray()).map(r -> Role.valueOf((String) r)).toList(),
					rs.getBoolean(4)))
			.list();
	}

	@Transactional
	void create(String administrator, StaffForm form) {
		check(PasswordLength.check(form.password(), new java.util.ArrayList<>(validation.problems(form))),
				form.department());
		long accountId;
		try {
			accountId = db.sql("""
					INSERT INTO identity_account (username, password_hash, kind, display_name)
					VALUES (:username, :hash, 'STAFF', :name) RETURNING id""")
				.param("username", form.username())
				.param("hash", passwords.encode(form.password()))
				.param("name", form.displayName().strip())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("identity.staff.username.taken");
		}
		db.sql("INSERT INTO identity_staff (account_id, department_code) VALUES (:id, :department)")
			.param("id", accountId).param("department", form.department()).update();
		insertRoles(accountId, form.roles());
		events.publishEvent(new StaffAccountChanged(administrator, form.username(), form.department(), form.roles(), true, true));
	}

	@Transactional
	void change(String administrator, String username, StaffChange change) {
		check(validation.problems(change), change.department());
		Long accountId = db.sql("""
				SELECT a.id FROM identity_account a JOIN identity_staff s ON s.account_id = a.id
				WHERE a.username = :username FOR UPDATE OF a""")
			.param("username", username)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("identity.staff.not-found"));
		if (administrator.equals(username) && (!change.enabled() || !change.roles().contains(Role.ADMIN))) {
			// Keeps the city from locking itself out of its own administration by one slip.
			throw new InvalidInputException("roles", "identity.staff.self-demotion");
		}
		db.sql("UPDATE identity_account SET display_name = :name, enabled = :enabled WHERE id = :id")
			.param("name", change.displayName().strip()).param("enabled", change.enabled()).param("id", accountId).update();
		db.sql("UPDATE identity_staff SET department_code = :department WHERE account_id = :id")
			.param("department", change.department()).param("id", accountId).update();
		db.sql("DELETE FROM identity_staff_role WHERE account_id = :id").param("id", accountId).update();
		insertRoles(accountId, change.roles());
		// Signed-in sessions and tokens carry the old roles: end them, so that the change holds at once.
		sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
		db.sql("DELETE FROM identity_api_token WHERE account_id = :id").param("id", accountId).update();
		events.publishEvent(new StaffAccountChanged(administrator, username, change.department(), change.roles(),
				change.enabled(), false));
	}

	private void check(List<FieldProblem> problems, String department) {
		List<FieldProblem> all = new java.util.ArrayList<>(problems);
		if (department != null && !department.isBlank() && departments.byCode(department).isEmpty()) {
			all.add(new FieldProblem("department", "identity.staff.department.unknown"));
		}
		if (!all.isEmpty()) {
			throw new InvalidInputException(all);
		}
	}

	private void insertRoles(long accountId, Set<Role> roles) {
		for (Role role : roles) {
			db.sql("INSERT INTO identity_staff_role (account_id, role) VALUES (:id, :role)")
				.param("id", accountId).param("role", role.name()).update();
		}
	}
}
