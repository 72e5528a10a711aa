package org.onestop.identity.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.registration.CitizenRegistration;
import org.onestop.identity.registration.RegistrationConfirmation;
import org.onestop.identity.registration.RegistrationForm;
import org.onestop.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-registration for residents, open to anyone, in two steps: details (always 202,
 * whatever the registry says), then the texted code and a password.
 */
@RestController
class CitizenApiController {

	private final CitizenRegistration registration;

	private final Messages messages;

	CitizenApiController(CitizenRegistration registration, Messages messages) {
		this.registration = registration;
		this.messages = messages;
	}

	@PostMapping("/api/v1/citizens")
	ResponseEntity<Map<String, String>> requestCode(@RequestBody RegistrationForm form, HttpServletRequest request,
			Locale locale) {
		registration.requestCode(form, request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("message", messages.get(locale, "identity.registration.code-sent"), "confirm",
					"/api/v1/citizens/confirm"));
	}

	@PostMapping("/api/v1/citizens/confirm")
	ResponseEntity<Map<String, String>> confirm(@RequestBody RegistrationConfirmation form,
			HttpServletRequest request) {
		String username = registration.confirm(form, request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/me")).body(Map.of("username", username));
	}

}
