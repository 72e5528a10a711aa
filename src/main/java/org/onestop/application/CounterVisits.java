package org.onestop.application;

import org.onestop.platform.ProblemException;
import org.onestop.queue.TicketCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A ticket served at a counter for an application counts as a trip on that application.
 */
@Component
class CounterVisits {

	private static final Logger log = LoggerFactory.getLogger(CounterVisits.class);

	private final Cases cases;

	CounterVisits(Cases cases) {
		this.cases = cases;
	}

	/**
	 * Runs after the completion committed, in its own transaction. A clerk who may not
	 * read the application (another department's, say) served the citizen all the same:
	 * the visit is then not recorded, and the event is done.
	 */
	@ApplicationModuleListener
	void on(TicketCompleted completed) {
		if (completed.application() == null) {
			return;
		}
		try {
			// Checked before recordTrip: a refusal inside it would mark this transaction
			// rollback-only, and the
			// publication would then stay incomplete and be resubmitted on every restart.
			cases.readable(completed.clerk(), completed.application());
		}
		catch (ProblemException ex) {
			log.info("Trip for ticket {} not recorded: {} may not read application {}", completed.number(),
					completed.clerk().username(), completed.application());
			return;
		}
		cases.recordTrip(completed.clerk(), completed.application(), completed.hall(),
				"窗口办理 Counter visit " + completed.number(), completed.ticket(), completed.completed());
	}

}
