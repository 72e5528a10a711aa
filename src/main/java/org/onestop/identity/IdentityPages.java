package org.onestop.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onestop.registry.Resident;

/** What the identity pages show; public because the compiled templates read them. */
public final class IdentityPages {

	private IdentityPages() {
	}

	/**
	 * What the sign-in page shows.
	 *
	 * @param locked whether the error is a lock, which the person may lift with a texted code
	 * @param unlockedUsername the username just unlocked with a code, if any
	 */
	public record SignInPage(String username, String error, String registeredUsername, boolean locked,
			String unlockedUsername) {
	}

	/**
	 * What the unlock page shows.
	 *
	 * @param codeStep whether it asks for the code (else for the username)
	 * @param sent whether a code has just been asked for
	 */
	public record UnlockPage(String username, boolean codeStep, boolean sent, Map<String, String> errors) {

		public String error(String field) {
			return errors.get(field);
		}
	}

	/** What the registration page shows: the values typed so far and each field's error. */
	public record RegisterPage(RegistrationForm form, Map<String, String> errors) {

		public String error(String field) {
			return errors.get(field);
		}
	}

	/**
	 * What the second registration step shows: the ID number, and each field's error.
	 *
	 * @param sent whether the visitor has just asked for a code (and is told where it went, if anywhere)
	 */
	public record RegisterConfirmPage(RegistrationConfirmation form, Map<String, String> errors, boolean sent) {

		public String error(String field) {
			return errors.get(field);
		}
	}

	/** What "my account" shows. */
	public record AccountPage(OneStopUser user, Resident resident, List<DataAccessView> dataAccess) {
	}

	/** What the staff home shows. */
	public record StaffHomePage(OneStopUser user, String departmentName) {
	}

	/** What the demo's stand-in for the SMS gateway shows. */
	public record DemoCodesPage(List<DemoText> texts) {
	}

	/**
	 * One code as it would have been texted (a stand-in for the SMS gateway).
	 *
	 * @param purpose {@code REGISTRATION} or {@code UNLOCK}
	 * @param recipient who it is for: a masked ID number, or a username
	 * @param phone the masked phone number it would have gone to
	 */
	public record DemoText(String purpose, String recipient, String phone, String code, Instant sentAt,
			Instant expiresAt) {
	}

	/**
	 * What the staff administration page shows.
	 *
	 * @param unlocked the username whose sign-in locks were just lifted, if any
	 */
	public record AdminStaffPage(List<StaffMember> staff, List<Department> departments, StaffForm form,
			Map<String, String> errors, String created, SignInLocks locks, String unlocked) {
	}

	/**
	 * The usernames with live sign-in locks that are shown (existing accounts first, then the most recent), and how
	 * many there are in all.
	 */
	public record SignInLocks(List<SignInLock> shown, int total) {

		public boolean truncated() {
			return total > shown.size();
		}
	}

	/**
	 * A username with live sign-in locks, for administrators.
	 *
	 * @param lockedAddresses how many client addresses are locked out of it; {@code lockedUntil} the last lock's end
	 * @param failuresEverywhere failures from every address when its back-off applies, else 0; {@code waitUntil}
	 *        when the next check may run
	 * @param account whether an account has this username (locks apply to any typed username)
	 */
	public record SignInLock(String username, int lockedAddresses, Instant lockedUntil, int failuresEverywhere,
			Instant waitUntil, boolean account) {
	}
}
