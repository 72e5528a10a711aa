package org.onestop.identity.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The second step of self-registration: the code texted to the registry's phone, and the
 * new account's password. The messages are message-bundle keys.
 */
public record RegistrationConfirmation(@NotBlank(message = "identity.id-number.required") String idNumber,
		@NotBlank(message = "identity.code.required") @Pattern(regexp = "\\s*\\d{6}\\s*",
				message = "identity.code.format") String code,
		@NotBlank(message = "identity.password.required") @Size(min = 8, max = 128,
				message = "identity.password.length") String password) {

	public static RegistrationConfirmation of(String idNumber) {
		return new RegistrationConfirmation(idNumber, "", "");
	}
}
