package org.onestop.application.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.onestop.application.Burden;
import org.onestop.application.ChannelSplit;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The burden figures split by channel (P8: online against offline), for department heads
 * (their department) and administrators and auditors (any, or the whole city).
 */
@RestController
class BurdenApiController {

	private final Burden burden;

	BurdenApiController(Burden burden) {
		this.burden = burden;
	}

	@GetMapping("/api/v1/staff/burden/channels")
	@PreAuthorize("hasAnyRole('DEPARTMENT_HEAD', 'ADMIN', 'AUDITOR')")
	ChannelSplit channels(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String department) {
		return burden.byChannel(staff, day(from, "from"), day(to, "to"), department);
	}

	/** A day as {@code 2026-12-01}; anything else is refused beside its field. */
	static LocalDate day(String value, String field) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "burden.channels.date.invalid");
		}
	}

}
