package org.onestop.identity.web;

import java.util.Map;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.account.AccountChanges;
import org.onestop.identity.account.PasswordReset;
import org.onestop.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account basics through the API: a forgotten password reset with a texted code
 * (always 202 to the request), and the signed-in citizen's password, verified phone and
 * sign-out everywhere.
 */
@RestController
class AccountApiController {

	private final PasswordReset reset;

	private final AccountChanges changes;

	private final Messages messages;

	AccountApiController(PasswordReset reset, AccountChanges changes, Messages messages) {
		this.reset = reset;
		this.changes = changes;
		this.messages = messages;
	}

	record ResetRequest(String identifier) {
	}

	record ResetConfirmation(String identifier, String code, String password) {
	}

	record PasswordChange(String currentPassword, String password) {
	}

	record PhoneChange(String currentPassword, String phone) {
	}

	record PhoneConfirmation(String code) {
	}

	record PasswordConfirmation(String currentPassword) {
	}

	@PostMapping("/api/v1/auth/password-reset")
	ResponseEntity<Map<String, String>> requestReset(@RequestBody ResetRequest body, HttpServletRequest request,
			Locale locale) {
		reset.requestCode(body.identifier(), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("message", messages.get(locale, "identity.reset.code-sent"), "confirm",
					"/api/v1/auth/password-reset/confirm"));
	}

	@PostMapping("/api/v1/auth/password-reset/confirm")
	ResponseEntity<Void> confirmReset(@RequestBody ResetConfirmation body, HttpServletRequest request) {
		reset.confirm(body.identifier(), body.code(), body.password(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/me/password")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal OneStopUser user, @RequestBody PasswordChange body,
			HttpServletRequest request) {
		changes.changePassword(user.username(), body.currentPassword(), body.password(), null, request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/me/phone")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<Map<String, String>> requestPhoneChange(@AuthenticationPrincipal OneStopUser user,
			@RequestBody PhoneChange body, HttpServletRequest request, Locale locale) {
		changes.requestPhoneChange(user.username(), body.currentPassword(), body.phone(), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("message", messages.get(locale, "identity.phone.code-sent"), "confirm",
					"/api/v1/me/phone/confirm"));
	}

	@PostMapping("/api/v1/me/phone/confirm")
	@PreAuthorize("hasRole('CITIZEN')")
	Map<String, String> confirmPhoneChange(@AuthenticationPrincipal OneStopUser user,
			@RequestBody PhoneConfirmation body, HttpServletRequest request) {
		return Map.of("phone", changes.confirmPhoneChange(user.username(), body.code(), request.getRemoteAddr()));
	}

	@PostMapping("/api/v1/me/sign-out-everywhere")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<Void> signOutEverywhere(@AuthenticationPrincipal OneStopUser user,
			@RequestBody PasswordConfirmation body, HttpServletRequest request) {
		changes.signOutEverywhere(user.username(), body.currentPassword(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

}
