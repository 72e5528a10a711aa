package org.onestop.queue;

import org.onestop.application.Cases;
import org.onestop.appointment.Appointments;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What completing a ticket means beyond the queue: the appointment is done, and the visit is a trip on the case. */
@Component
class Completion {

	private static final Logger log = LoggerFactory.getLogger(Completion.class);

	private final Appointments appointments;
	private final Cases cases;

	Completion(Appointments appointments, Cases cases) {
		this.appointments = appointments;
		this.cases = cases;
	}

	void record(OneStopUser clerk, TicketReader.Row ticket) {
		if (ticket.appointmentId() != null) {
			appointments.complete(ticket.appointmentId());
		}
		if (ticket.applicationId() == null) {
			return;
		}
		try {
			// Checked first, outside recordTrip's transaction: a refusal there would mark the whole call rollback-only.
			cases.readable(clerk, ticket.applicationId());
		}
		catch (ProblemException ex) {
			log.info("Trip for ticket {} not recorded: {} may not read application {}", ticket.number(), clerk.username(),
					ticket.applicationId());
			return;
		}
		cases.recordTrip(clerk, ticket.applicationId(), ticket.hall(), "窗口办理 Counter visit " + ticket.number());
	}
}
