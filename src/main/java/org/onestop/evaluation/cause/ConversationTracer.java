package org.onestop.evaluation.cause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.assistant.ConversationTraces;
import org.onestop.assistant.ConversationTraces.ConversationTrace;
import org.onestop.evaluation.Cause;
import org.onestop.evaluation.CauseKind;
import org.onestop.evaluation.CauseTracer;
import org.onestop.evaluation.RatedService;
import org.onestop.evaluation.SubjectType;
import org.springframework.stereotype.Component;

/**
 * An assistant or agent conversation's causes: passed to a person (with the time it
 * took), given up while waiting for one, and the matters it was about.
 */
@Component
class ConversationTracer implements CauseTracer {

	/** Key of the handoff from the assistant to a person. */
	static final String TO_PERSON = "to-person";

	/** Key of a conversation whose citizen gave up waiting for a person. */
	static final String ABANDONED = "abandoned-waiting";

	private final ConversationTraces conversations;

	ConversationTracer(ConversationTraces conversations) {
		this.conversations = conversations;
	}

	@Override
	public boolean traces(SubjectType type) {
		return type == SubjectType.CONVERSATION;
	}

	@Override
	public List<Cause> trace(RatedService service) {
		Optional<ConversationTrace> found = Keys.uuid(service.subjectId()).flatMap(conversations::trace);
		CauseList causes = new CauseList();
		if (service.serviceCode() != null) {
			causes.add(CauseKind.MATTER, service.serviceCode(), Map.of());
		}
		if (found.isEmpty()) {
			return causes.list();
		}
		ConversationTrace trace = found.get();
		trace.matters().forEach(code -> causes.add(CauseKind.MATTER, code, Map.of()));
		if (trace.passedToPerson()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			if (trace.secondsToPerson() != null) {
				detail.put("secondsToPerson", trace.secondsToPerson());
			}
			causes.add(CauseKind.HANDOFF, TO_PERSON, detail);
		}
		if (trace.abandonments() > 0) {
			causes.add(CauseKind.HANDOFF, ABANDONED, Map.of("count", trace.abandonments()));
		}
		return causes.list();
	}

}
