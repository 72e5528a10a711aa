package org.onestop.identity;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Self-registration for residents, open to anyone. */
@RestController
class CitizenApiController {

	private final CitizenRegistration registration;

	CitizenApiController(CitizenRegistration registration) {
		this.registration = registration;
	}

	@PostMapping("/api/v1/citizens")
	ResponseEntity<Map<String, String>> register(@RequestBody RegistrationForm form,
			jakarta.servlet.http.HttpServletRequest request) {
		String username = registration.register(form, request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/me")).body(Map.of("username", username));
	}
}
