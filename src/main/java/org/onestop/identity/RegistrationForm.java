package org.onestop.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A citizen's self-registration, from the page or the API. The messages are message-bundle keys.
 */
public record RegistrationForm(
		@NotBlank(message = "identity.registration.name.required") @Size(max = 50,
				message = "identity.registration.name.too-long") String name,
		@NotBlank(message = "identity.id-number.required") String idNumber,
		@NotBlank(message = "identity.registration.phone.required") @Pattern(regexp = "1[3-9]\\d{9}",
				message = "identity.registration.phone.invalid") String phone,
		@NotBlank(message = "identity.password.required") @Size(min = 8, max = 128,
				message = "identity.password.length") String password) {

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "");
	}
}
