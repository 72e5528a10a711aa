package org.onestop.queue;

import java.util.Map;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators register kiosk devices to a hall (the token is shown once) and revoke
 * them, and say in which languages the hall's board calls numbers.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class KioskAdminApiController {

	private final Kiosks kiosks;

	private final HallScreenStore screens;

	KioskAdminApiController(Kiosks kiosks, HallScreenStore screens) {
		this.kiosks = kiosks;
		this.screens = screens;
	}

	/** Whether the board also calls in English (Chinese always). */
	record BoardSettings(Boolean callsInEnglish) {
	}

	@PutMapping("/api/v1/admin/halls/{hall}/board")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void board(@PathVariable String hall, @RequestBody BoardSettings settings) {
		// Checked here, not by @Valid: only an administrator learns what the body lacks.
		if (settings.callsInEnglish() == null) {
			throw new InvalidInputException("callsInEnglish", "queue.board.calls-in-english.required");
		}
		screens.callInEnglish(hall, settings.callsInEnglish());
	}

	@PostMapping("/api/v1/admin/halls/{hall}/kiosks")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> register(@AuthenticationPrincipal OneStopUser user, @PathVariable String hall,
			@RequestBody Map<String, String> body) {
		Kiosks.Registered kiosk = kiosks.register(hall, body.get("name"), user.username());
		return Map.of("id", kiosk.id(), "token", kiosk.token());
	}

	@DeleteMapping("/api/v1/admin/halls/{hall}/kiosks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable String hall, @PathVariable UUID id) {
		if (!kiosks.revoke(hall, id)) {
			throw new NotFoundException("queue.kiosk.not-found");
		}
	}

}
