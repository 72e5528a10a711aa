package org.onestop.evaluation.cause;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.evaluation.Cause;
import org.onestop.evaluation.CauseKind;
import org.onestop.evaluation.CauseTracer;
import org.onestop.evaluation.RatedService;
import org.onestop.evaluation.SubjectType;
import org.onestop.queue.TicketWaits;
import org.springframework.stereotype.Component;

/**
 * A counter visit's or a kept appointment's causes: the wait at the hall, from the
 * ticket's issue to its first call, and the matter the ticket was for. A transfer between
 * counter groups leaves no history in the queue, so it is not traced.
 */
@Component
class VisitTracer implements CauseTracer {

	private final TicketWaits waits;

	VisitTracer(TicketWaits waits) {
		this.waits = waits;
	}

	@Override
	public boolean traces(SubjectType type) {
		return type == SubjectType.TICKET || type == SubjectType.APPOINTMENT;
	}

	@Override
	public List<Cause> trace(RatedService service) {
		Optional<TicketWaits.Wait> found = Keys.uuid(service.subjectId())
			.flatMap(id -> service.subjectType() == SubjectType.TICKET ? waits.ofTicket(id) : waits.ofAppointment(id));
		String matter = found.map(TicketWaits.Wait::serviceCode).orElse(service.serviceCode());
		CauseList causes = new CauseList();
		if (matter != null) {
			causes.add(CauseKind.MATTER, matter, Map.of());
		}
		found.ifPresent(wait -> causes.addWait(wait, matter));
		return causes.list();
	}

}
