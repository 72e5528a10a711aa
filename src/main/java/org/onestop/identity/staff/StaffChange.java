package org.onestop.identity.staff;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.onestop.identity.Role;

/** An administrator's change to an existing staff account. */
public record StaffChange(
		@NotBlank(message = "identity.staff.display-name.required") @Size(max = 50,
				message = "identity.staff.display-name.too-long") String displayName,
		@NotBlank(message = "identity.staff.department.required") String department,
		@NotEmpty(message = "identity.staff.roles.required") Set<Role> roles,
		@NotNull(message = "identity.staff.enabled.required") Boolean enabled) {
}
