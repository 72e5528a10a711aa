package org.onestop.identity.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The first step of a citizen's self-registration, from the page or the API: who they say
 * they are. A code then goes to the phone the population registry holds for them. The
 * messages are message-bundle keys.
 */
public record RegistrationForm(
		@NotBlank(message = "identity.registration.name.required") @Size(max = 50,
				message = "identity.registration.name.too-long") String name,
		@NotBlank(message = "identity.id-number.required") String idNumber) {

	public static RegistrationForm empty() {
		return new RegistrationForm("", "");
	}
}
