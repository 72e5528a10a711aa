package org.onestop.registry;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.shared.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case-handling staff look a resident up, always saying why. Citizens see their own
 * record on their account page instead.
 */
@RestController
class RegistryApiController {

	private final PopulationRegistry registry;

	RegistryApiController(PopulationRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/api/v1/registry/residents/{idNumber}")
	@PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'SUPERVISOR', 'FIELD_OFFICER', 'AGENT')")
	Resident resident(@PathVariable String idNumber, @RequestParam(required = false) String purpose,
			@AuthenticationPrincipal SignedInUser caller) {
		if (ResidentIdNumber.check(idNumber).isPresent()) {
			throw new InvalidInputException("idNumber", "identity.id-number.invalid");
		}
		if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
			throw new InvalidInputException("purpose", "registry.purpose.required");
		}
		return registry
			.read(ResidentIdNumber.parse(idNumber), Accessor.official(caller.username(), caller.department()),
					purpose.strip())
			.orElseThrow(() -> new NotFoundException("registry.resident.not-found"));
	}

}
