package org.onestop.evaluation.cause;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The causes of a department's bad ratings, ranked per matter: for its head, and
 * read-only for administrators, services supervisors and auditors.
 */
@RestController
class CausesApiController {

	private final Causes causes;

	CausesApiController(Causes causes) {
		this.causes = causes;
	}

	@GetMapping("/api/v1/ratings/causes")
	@PreAuthorize("hasAnyRole('DEPARTMENT_HEAD', 'ADMIN', 'SERVICES_SUPERVISOR', 'AUDITOR')")
	CauseRanking causes(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String department,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String months) {
		return causes.rank(staff, department, day(from, "from"), day(to, "to"), months(months),
				LocaleContextHolder.getLocale());
	}

	/** A day as {@code 2026-12-01}; anything else is refused beside its field. */
	static LocalDate day(String value, String field) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "evaluation.causes.date.invalid");
		}
	}

	static Integer months(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("months", "evaluation.causes.months.range", 1, Causes.MAX_MONTHS);
		}
	}

}
