package org.onestop.evaluation.cause;

import java.util.List;
import java.util.Map;

import org.onestop.complaint.ComplaintTraces;
import org.onestop.evaluation.Cause;
import org.onestop.evaluation.CauseKind;
import org.onestop.evaluation.CauseTracer;
import org.onestop.evaluation.RatedService;
import org.onestop.evaluation.SubjectType;
import org.springframework.stereotype.Component;

/**
 * A replied complaint's causes: passed on to another department (re-dispatched), returned
 * by a department (退单) or reopened by the citizen, each with the complaint's category,
 * which says what the complaint was about.
 */
@Component
class ComplaintTracer implements CauseTracer {

	static final String REDISPATCHED = "redispatched";

	static final String RETURNED = "returned";

	static final String REOPENED = "reopened";

	private final ComplaintTraces complaints;

	ComplaintTracer(ComplaintTraces complaints) {
		this.complaints = complaints;
	}

	@Override
	public boolean traces(SubjectType type) {
		return type == SubjectType.COMPLAINT;
	}

	@Override
	public List<Cause> trace(RatedService service) {
		CauseList causes = new CauseList();
		Keys.uuid(service.subjectId()).flatMap(complaints::trace).ifPresent(trace -> {
			add(causes, REDISPATCHED, trace.redispatches(), trace.category());
			add(causes, RETURNED, trace.returns(), trace.category());
			add(causes, REOPENED, trace.reopens(), trace.category());
		});
		return causes.list();
	}

	private static void add(CauseList causes, String key, int count, String category) {
		if (count > 0) {
			causes.add(CauseKind.HANDOFF, key, Map.of("count", count, "category", category));
		}
	}

}
