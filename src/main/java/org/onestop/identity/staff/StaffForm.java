package org.onestop.identity.staff;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.onestop.identity.Role;

/** A new staff account, as an administrator fills it in. */
public record StaffForm(
		@NotBlank(message = "identity.username.required") @Pattern(regexp = "[a-z][a-z0-9._-]{2,39}",
				message = "identity.staff.username.invalid") String username,
		@NotBlank(message = "identity.staff.display-name.required") @Size(max = 50,
				message = "identity.staff.display-name.too-long") String displayName,
		@NotBlank(message = "identity.staff.department.required") String department,
		@NotEmpty(message = "identity.staff.roles.required") Set<Role> roles,
		@NotBlank(message = "identity.password.required") @Size(min = 8, max = 128,
				message = "identity.password.length") String password) {
}
