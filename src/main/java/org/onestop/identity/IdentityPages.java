package org.onestop.identity;

import java.util.List;
import java.util.Map;

import org.onestop.registry.Resident;

/** What the identity pages show; public because the compiled templates read them. */
public final class IdentityPages {

	private IdentityPages() {
	}

	/** What the sign-in page shows. */
	public record SignInPage(String username, String error, String registeredUsername) {
	}

	/** What the registration page shows: the values typed so far and each field's error. */
	public record RegisterPage(RegistrationForm form, Map<String, String> errors) {

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

	/** What the staff administration page shows. */
	public record AdminStaffPage(List<StaffMember> staff, List<Department> departments, StaffForm form,
			Map<String, String> errors, String created) {
	}
}
