package org.onestop.identity.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onestop.identity.Department;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.code.DemoText;
import org.onestop.identity.registration.RegistrationConfirmation;
import org.onestop.identity.registration.RegistrationForm;
import org.onestop.identity.signin.SignInLocks;
import org.onestop.identity.staff.StaffForm;
import org.onestop.identity.staff.StaffMember;
import org.onestop.platform.Shell;
import org.onestop.registry.Accessor;
import org.onestop.registry.DataAccess;
import org.onestop.registry.Registries;
import org.onestop.registry.Resident;

/** What the identity pages show; public because the compiled templates read them. */
public final class IdentityPages {

	private IdentityPages() {
	}

	/**
	 * What the sign-in page shows.
	 *
	 * @param locked whether the error is a lock, which the person may lift with a texted
	 * code
	 * @param unlockedUsername the username just unlocked with a code, if any
	 */
	public record SignInPage(String username, String error, String registeredUsername, boolean locked,
			String unlockedUsername) {

		/**
		 * The form, empty, or after the last attempt failed (with the end of a lock in
		 * the reader's time zone).
		 */
		static SignInPage of(SignInPageHandlers.Failure failure, String registered, String unlocked, Shell shell,
				ZoneId zone) {
			if (failure == null) {
				return new SignInPage("", null, registered, false, unlocked);
			}
			String until = failure.lockedUntil() == null ? ""
					: DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(failure.lockedUntil().atZone(zone));
			return new SignInPage(failure.username() == null ? "" : failure.username(),
					shell.t(failure.messageKey(), until), registered, failure.lockedUntil() != null, unlocked);
		}
	}

	/**
	 * What the unlock page shows.
	 *
	 * @param codeStep whether it asks for the code (else for the username)
	 * @param sent whether a code has just been asked for
	 */
	public record UnlockPage(String username, boolean codeStep, boolean sent, Map<String, String> errors) {

		static UnlockPage askUsername(String username) {
			return new UnlockPage(username == null ? "" : username, false, false, Map.of());
		}

		static UnlockPage codeSent(String username) {
			return new UnlockPage(username.strip(), true, true, Map.of());
		}

		static UnlockPage usernameRefused(String username, Map<String, String> errors) {
			return new UnlockPage(username, false, false, errors);
		}

		static UnlockPage codeRefused(String username, Map<String, String> errors) {
			return new UnlockPage(username, true, false, errors);
		}

		public String error(String field) {
			return errors.get(field);
		}
	}

	/**
	 * What the registration page shows: the values typed so far and each field's error.
	 */
	public record RegisterPage(RegistrationForm form, Map<String, String> errors) {

		static RegisterPage blank() {
			return new RegisterPage(RegistrationForm.empty(), Map.of());
		}

		public String error(String field) {
			return errors.get(field);
		}
	}

	/**
	 * What the second registration step shows: the ID number, and each field's error.
	 *
	 * @param sent whether the visitor has just asked for a code (and is told where it
	 * went, if anywhere)
	 */
	public record RegisterConfirmPage(RegistrationConfirmation form, Map<String, String> errors, boolean sent) {

		static RegisterConfirmPage blank() {
			return new RegisterConfirmPage(RegistrationConfirmation.of(""), Map.of(), false);
		}

		static RegisterConfirmPage codeSent(String idNumber) {
			return new RegisterConfirmPage(RegistrationConfirmation.of(idNumber.strip()), Map.of(), true);
		}

		/** Refused: the ID number is kept, the code and password are typed again. */
		static RegisterConfirmPage refused(RegistrationConfirmation form, Map<String, String> errors) {
			return new RegisterConfirmPage(RegistrationConfirmation.of(form.idNumber()), errors, false);
		}

		public String error(String field) {
			return errors.get(field);
		}
	}

	/**
	 * What "my account" shows.
	 *
	 * @param phone the verified phone codes go to, masked
	 * @param showIdNumber whether the citizen asked to see their whole ID number
	 * @param notice the message key of a change just made, or null
	 */
	public record AccountPage(OneStopUser user, Resident resident, List<DataAccessView> dataAccess, String phone,
			boolean showIdNumber, String notice) {

		AccountPage with(String phone, boolean showIdNumber, String notice) {
			return new AccountPage(user, resident, dataAccess, phone, showIdNumber, notice);
		}

		/** The ID number as the page shows it: masked unless asked for. */
		public String idNumber() {
			return resident == null ? "" : showIdNumber ? resident.idNumber().value() : resident.idNumber().masked();
		}

		/**
		 * The citizen's record and the latest 20 reads of it by others (a representative
		 * acting for them among them): their own look at their record is logged too, but
		 * is no news to them.
		 */
		static AccountPage of(OneStopUser user, Optional<Resident> resident, List<DataAccess> log,
				Registries registries, Departments departments, Locale locale) {
			List<DataAccess> others = log.stream()
				.filter(a -> a.accessorKind() != Accessor.Kind.CITIZEN || !a.accessor().equals(user.username()))
				.limit(20)
				.toList();
			return new AccountPage(user, resident.orElse(null),
					DataAccessView.of(others, user.username(), registries, departments, locale), "", false, null);
		}
	}

	/** What the staff home shows. */
	public record StaffHomePage(OneStopUser user, String departmentName) {

		static StaffHomePage of(OneStopUser user, Departments departments, Locale locale) {
			return new StaffHomePage(user,
					departments.byCode(user.departmentCode()).map(d -> d.name(locale)).orElse(""));
		}
	}

	/** What the demo's stand-in for the SMS gateway shows. */
	public record DemoCodesPage(List<DemoText> texts) {
	}

	/**
	 * What the staff administration page shows.
	 *
	 * @param unlocked the username whose sign-in locks were just lifted, if any
	 */
	public record AdminStaffPage(List<StaffMember> staff, List<Department> departments, StaffForm form,
			Map<String, String> errors, String created, SignInLocks locks, String unlocked) {

		/** The new-account form as the page first shows it. */
		static StaffForm blankForm() {
			return new StaffForm("", "", "CA", Set.of(), "");
		}

		/** A refused form as shown again: everything but the password. */
		static StaffForm kept(StaffForm form) {
			return new StaffForm(form.username(), form.displayName(), form.department(), form.roles(), "");
		}
	}

}
