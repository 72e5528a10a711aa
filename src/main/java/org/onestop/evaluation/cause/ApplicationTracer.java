package org.onestop.evaluation.cause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.application.CaseTraces;
import org.onestop.application.CaseTraces.CaseTrace;
import org.onestop.evaluation.Cause;
import org.onestop.evaluation.CauseKind;
import org.onestop.evaluation.CauseTracer;
import org.onestop.evaluation.RatedService;
import org.onestop.evaluation.SubjectType;
import org.onestop.queue.TicketWaits;
import org.springframework.stereotype.Component;

/**
 * A decided application's causes: its matter and version, each pre-check rule that fired,
 * each item asked for in a supplement, the rejection, the trips (over the matter's
 * promise or not) and the waits of the counter visits made for it.
 */
@Component
class ApplicationTracer implements CauseTracer {

	private final CaseTraces cases;

	private final TicketWaits waits;

	ApplicationTracer(CaseTraces cases, TicketWaits waits) {
		this.cases = cases;
		this.waits = waits;
	}

	@Override
	public boolean traces(SubjectType type) {
		return type == SubjectType.APPLICATION;
	}

	@Override
	public List<Cause> trace(RatedService service) {
		Optional<CaseTrace> found = Keys.uuid(service.subjectId()).flatMap(cases::trace);
		if (found.isEmpty()) {
			return List.of();
		}
		CaseTrace trace = found.get();
		CauseList causes = new CauseList();
		causes.add(CauseKind.MATTER, trace.serviceCode(), Map.of("version", trace.matterVersion()));
		for (CaseTraces.FiredRule rule : trace.rules()) {
			causes.add(CauseKind.RULE, rule.decisionTable() + ":" + rule.code(), Map.of("label", rule.message(),
					"table", rule.decisionTable(), "rule", rule.code(), "matter", trace.serviceCode()));
		}
		trace.supplementItems().forEach(item -> causes.add(CauseKind.SUPPLEMENT, item, Map.of()));
		if (trace.rejectionReason() != null) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("reason", trace.rejectionReason());
			if (trace.legalBasis() != null) {
				detail.put("legalBasis", trace.legalBasis());
			}
			causes.add(CauseKind.REJECTION, "text", detail);
		}
		int trips = trace.visits().size();
		if (trips > 0) {
			causes.add(CauseKind.TRIPS, trips > trace.maxTrips() ? "over-max" : "count",
					Map.of("trips", trips, "max", trace.maxTrips()));
		}
		for (CaseTraces.Visit visit : trace.visits()) {
			if (visit.ticket() != null) {
				waits.ofTicket(visit.ticket()).ifPresent(wait -> causes.addWait(wait, trace.serviceCode()));
			}
		}
		return causes.list();
	}

}
