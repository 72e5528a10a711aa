package org.onestop.assistant;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The internal dashboard of what P1 promises: time to a person, bot resolution,
 * abandonment, callbacks.
 */
@Controller
@PreAuthorize("hasAnyRole('AGENT', 'DEPARTMENT_HEAD', 'ADMIN')")
class AgentMetricsController {

	private final AssistantMetrics metrics;

	AgentMetricsController(AssistantMetrics metrics) {
		this.metrics = metrics;
	}

	@GetMapping("/staff/agent/metrics")
	String metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell) {
		AssistantMetrics.Figures f;
		Map<String, String> errors = Map.of();
		try {
			f = metrics.figures(date(from), date(to));
		}
		catch (ProblemException refused) {
			errors = shell.errors(refused, "from");
			f = metrics.figures(null, null);
		}
		model.addAttribute("page", AgentPages.MetricsPage.of(f, errors, locale, shell));
		return "assistant/agent-metrics";
	}

	/**
	 * A day as {@code 2026-12-01}; anything else is refused as a bad range, beside
	 * {@code from}.
	 */
	private static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("from", "assistant.metrics.range.invalid");
		}
	}

}
