package org.onestop.identity.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.signin.SignInUnlocking;
import org.onestop.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A locked-out user unlocks their own address with a code texted to their verified phone:
 * ask (always 202), then confirm with the code.
 */
@RestController
@RequestMapping("/api/v1/auth/unlock")
class UnlockApiController {

	private final SignInUnlocking unlocking;

	private final Messages messages;

	UnlockApiController(SignInUnlocking unlocking, Messages messages) {
		this.unlocking = unlocking;
		this.messages = messages;
	}

	record UnlockRequest(String username) {
	}

	record UnlockConfirmation(String username, String code) {
	}

	@PostMapping
	ResponseEntity<Map<String, String>> requestCode(@RequestBody UnlockRequest unlock, HttpServletRequest request,
			Locale locale) {
		unlocking.requestCode(unlock.username(), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("message", messages.get(locale, "identity.unlock.code-sent"), "confirm",
					"/api/v1/auth/unlock/confirm"));
	}

	@PostMapping("/confirm")
	ResponseEntity<Void> confirm(@RequestBody UnlockConfirmation unlock, HttpServletRequest request) {
		unlocking.confirm(unlock.username(), unlock.code(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

}
