package org.onestop.assistant;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The internal dashboard of what P1 promises: time to a person, bot resolution, abandonment, callbacks. */
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
		catch (ProblemException | DateTimeParseException refused) {
			errors = Map.of("from", shell.t("assistant.metrics.range.invalid"));
			f = metrics.figures(null, null);
		}
		model.addAttribute("page", new AgentPages.MetricsPage(f.from(), f.to(), figures(f, locale, shell), errors));
		return "assistant/agent-metrics";
	}

	private static List<AgentPages.Figure> figures(AssistantMetrics.Figures f, Locale locale, Shell shell) {
		List<AgentPages.Figure> rows = new ArrayList<>();
		rows.add(new AgentPages.Figure("conversations", String.valueOf(f.conversations())));
		rows.add(new AgentPages.Figure("person-requests", String.valueOf(f.personRequests())));
		rows.add(new AgentPages.Figure("queued", String.valueOf(f.queued())));
		rows.add(new AgentPages.Figure("messages-to-queue", f.maxMessagesToQueue() == null ? "–" : f.maxMessagesToQueue().toString()));
		rows.add(new AgentPages.Figure("ask-to-queue-p95", seconds(f.askToQueueSecondsP95(), locale, shell)));
		rows.add(new AgentPages.Figure("connected", String.valueOf(f.connected())));
		rows.add(new AgentPages.Figure("time-to-agent-p50", seconds(f.timeToAgentSecondsP50(), locale, shell)));
		rows.add(new AgentPages.Figure("time-to-agent-p95", seconds(f.timeToAgentSecondsP95(), locale, shell)));
		rows.add(new AgentPages.Figure("bot-conversations", String.valueOf(f.botConversations())));
		rows.add(new AgentPages.Figure("bot-resolution", rate(f.botResolutionRate(), f.botResolved(), locale, shell)));
		rows.add(new AgentPages.Figure("abandonment", rate(f.abandonmentRate(), f.abandonedWaits(), locale, shell)));
		rows.add(new AgentPages.Figure("returned-waits", String.valueOf(f.returnedWaits())));
		rows.add(new AgentPages.Figure("callbacks", f.callbacks() + " / " + f.callbacksDone() + " / " + f.callbacksEscalated()));
		rows.add(new AgentPages.Figure("phone-calls", String.valueOf(f.phoneCalls())));
		return rows;
	}

	private static String seconds(Double seconds, Locale locale, Shell shell) {
		return seconds == null ? "–" : shell.t("assistant.page.metrics.unit.seconds", String.format(locale, "%.1f", seconds));
	}

	private static String rate(Double rate, long count, Locale locale, Shell shell) {
		return rate == null ? "–"
				: shell.t("assistant.page.metrics.unit.rate", String.format(locale, "%.1f", rate * 100), String.valueOf(count));
	}

	private static LocalDate date(String value) {
		return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
	}
}
