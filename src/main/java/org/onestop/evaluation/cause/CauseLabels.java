package org.onestop.evaluation.cause;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.onestop.appointment.ServiceHalls;
import org.onestop.platform.Messages;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * What a cause reads as on the heads' page, and the page of what produces it: a rule's
 * matter in the catalogue editor, a hall's page, the matter's page. Codes never reach the
 * page on their own: every label comes from the message bundles.
 */
@Component
class CauseLabels {

	/** The handoffs the tracers record, each with its own name. */
	private static final Set<String> HANDOFFS = Set.of(ConversationTracer.TO_PERSON, ConversationTracer.ABANDONED,
			ComplaintTracer.REDISPATCHED, ComplaintTracer.RETURNED, ComplaintTracer.REOPENED);

	/** The reasons a citizen may tick (table rating_reason), each with its own name. */
	private static final Set<String> REASONS = Set.of("DOCUMENTS_ALREADY_HELD", "MORE_THAN_ONE_TRIP", "WAITED_TOO_LONG",
			"REJECTED_WITHOUT_EXPLANATION", "STAFF_ATTITUDE", "SLOW_DECISION", "HARD_TO_UNDERSTAND", "SYSTEM_PROBLEM",
			"OTHER", "QUICK", "NO_DOCUMENTS_NEEDED", "HELPFUL_STAFF", "CLEAR_GUIDANCE");

	private final Messages messages;

	private final ServiceHalls halls;

	CauseLabels(Messages messages, ServiceHalls halls) {
		this.messages = messages;
		this.halls = halls;
	}

	String noMatter(Locale locale) {
		return messages.get(locale, "evaluation.causes.no-matter");
	}

	String label(CauseQueries.Hit hit, Locale locale) {
		return switch (hit.kind()) {
			case "RULE" -> rule(hit, locale);
			case "WAIT" -> messages.get(locale, "evaluation.causes.label.wait", Keys.WAIT_OVER_MINUTES,
					halls.find(hit.key()).map(h -> h.name(locale)).orElse(hit.key()));
			case "SUPPLEMENT" -> messages.get(locale, "evaluation.causes.label.supplement", hit.key());
			case "REJECTION" -> messages.get(locale, "evaluation.causes.label.rejection");
			case "TRIPS" -> messages.get(locale, "evaluation.causes.label.trips-over-max");
			case "HANDOFF" ->
				HANDOFFS.contains(hit.key()) ? messages.get(locale, "evaluation.causes.label.handoff." + hit.key())
						: messages.get(locale, "evaluation.causes.label.handoff");
			case "REASON" ->
				REASONS.contains(hit.key()) ? messages.get(locale, "evaluation.causes.label.reason." + hit.key())
						: messages.get(locale, "evaluation.causes.label.reason");
			default -> messages.get(locale, "evaluation.causes.label.other");
		};
	}

	/**
	 * Where the cause is produced; null when there is no page for it. A rule links to the
	 * matter's public page (its conditions), which every head may open; the catalog
	 * editor's page is for editors and administrators only.
	 */
	String link(CauseQueries.Hit hit) {
		boolean matter = !hit.matter().isEmpty();
		return switch (hit.kind()) {
			case "RULE" -> matter ? "/services/" + segment(hit.matter()) : null;
			case "WAIT" -> "/halls/" + segment(hit.key());
			case "SUPPLEMENT", "REJECTION", "TRIPS" -> matter ? "/services/" + segment(hit.matter()) : null;
			default -> null;
		};
	}

	/** The code an editor knows the cause by: a rule's, with its decision table. */
	String reference(CauseQueries.Hit hit) {
		return "RULE".equals(hit.kind()) ? hit.key() : null;
	}

	private String rule(CauseQueries.Hit hit, Locale locale) {
		return hit.label() == null || hit.label().isBlank() ? messages.get(locale, "evaluation.causes.label.rule")
				: messages.get(locale, "evaluation.causes.label.rule-said", hit.label());
	}

	private static String segment(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

}
