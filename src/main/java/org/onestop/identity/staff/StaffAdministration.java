package org.onestop.identity.staff;

import java.util.ArrayList;
import java.util.List;

import org.onestop.identity.Departments;
import org.onestop.identity.Role;
import org.onestop.identity.StaffAccountChanged;
import org.onestop.identity.registration.PasswordLength;
import org.onestop.platform.ConflictException;
import org.onestop.platform.FormValidation;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators create staff accounts and change their department, roles and standing.
 */
@Service
public class StaffAdministration {

	private final FormValidation validation;

	private final Departments departments;

	private final PasswordEncoder passwords;

	private final StaffStore store;

	private final ApplicationEventPublisher events;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StaffAdministration(FormValidation validation, Departments departments, PasswordEncoder passwords, StaffStore store,
			ApplicationEventPublisher events, FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.validation = validation;
		this.departments = departments;
		this.passwords = passwords;
		this.store = store;
		this.events = events;
		this.sessions = sessions;
	}

	public List<StaffMember> list() {
		return store.list();
	}

	@Transactional
	public void create(String administrator, StaffForm form) {
		check(PasswordLength.check(form.password(), new ArrayList<>(validation.problems(form))), form.department());
		try {
			store.create(form.username(), passwords.encode(form.password()), form.displayName().strip(),
					form.department(), form.roles());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("identity.staff.username.taken");
		}
		events.publishEvent(
				new StaffAccountChanged(administrator, form.username(), form.department(), form.roles(), true, true));
	}

	@Transactional
	public void change(String administrator, String username, StaffChange change) {
		check(validation.problems(change), change.department());
		long accountId = store.lock(username).orElseThrow(() -> new NotFoundException("identity.staff.not-found"));
		if (administrator.equals(username) && (!change.enabled() || !change.roles().contains(Role.ADMIN))) {
			// Keeps the city from locking itself out of its own administration by one
			// slip.
			throw new InvalidInputException("roles", "identity.staff.self-demotion");
		}
		store.change(accountId, change.displayName().strip(), change.enabled(), change.department(), change.roles());
		// Signed-in sessions and tokens carry the old roles: end them, so that the change
		// holds at once.
		sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
		store.forgetTokens(accountId);
		events.publishEvent(new StaffAccountChanged(administrator, username, change.department(), change.roles(),
				change.enabled(), false));
	}

	private void check(List<FieldProblem> problems, String department) {
		List<FieldProblem> all = new ArrayList<>(problems);
		if (department != null && !department.isBlank() && departments.byCode(department).isEmpty()) {
			all.add(new FieldProblem("department", "identity.staff.department.unknown"));
		}
		if (!all.isEmpty()) {
			throw new InvalidInputException(all);
		}
	}

}
