package org.onestop.evaluation;

import java.util.UUID;

import org.onestop.application.ApplicationChanged;
import org.onestop.application.RatableCases;
import org.onestop.assistant.ConversationChanged;
import org.onestop.assistant.EndedConversations;
import org.onestop.complaint.ComplaintChanged;
import org.onestop.complaint.RepliedComplaints;
import org.onestop.queue.ServedTickets;
import org.onestop.queue.TicketCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sees services finish in the modules that deliver them and invites their citizens to
 * rate them. Each runs after the finishing transaction committed, and again if it failed:
 * {@link Invitations#invite} writes once per subject.
 */
@Component
class FinishedServiceListener {

	/**
	 * How a conversation ends: an agent ends it with an outcome, a hotline call is logged
	 * ended, or the citizen's rating ends one that never reached a person.
	 */
	private static boolean ends(String kind) {
		return kind.startsWith("ENDED_") || kind.equals("CALL_LOGGED") || kind.equals("RATED");
	}

	private final Invitations invitations;

	private final RatableCases cases;

	private final ServedTickets tickets;

	private final EndedConversations conversations;

	private final RepliedComplaints complaints;

	FinishedServiceListener(Invitations invitations, RatableCases cases, ServedTickets tickets,
			EndedConversations conversations, RepliedComplaints complaints) {
		this.invitations = invitations;
		this.cases = cases;
		this.tickets = tickets;
		this.conversations = conversations;
		this.complaints = complaints;
	}

	/**
	 * Only decisions matter here. The condition, not a return inside, keeps the event
	 * registry from storing (and then deleting) a publication for every other timeline
	 * entry: two per submission.
	 */
	@ApplicationModuleListener(condition = "#changed.decision()")
	void on(ApplicationChanged changed) {
		cases.decided(changed.applicationId())
			.ifPresent(c -> invitations.invite(new RatedService(SubjectType.APPLICATION, c.id().toString(),
					c.applicant(), c.department(), c.serviceCode(), c.hall(), c.channel(), c.decidedAt())));
	}

	/**
	 * A ticket drawn for an appointment rates the appointment kept; a walk-in's rates the
	 * visit. A counter with no matter named belongs to the clerk's department.
	 */
	@ApplicationModuleListener
	void on(TicketCompleted completed) {
		tickets.served(completed.ticket()).ifPresent(t -> {
			String department = invitations.departmentOf(t.serviceCode(), completed.clerk().departmentCode());
			if (department == null) {
				return;
			}
			boolean appointment = t.appointment() != null;
			invitations.invite(new RatedService(appointment ? SubjectType.APPOINTMENT : SubjectType.TICKET,
					(appointment ? t.appointment() : t.id()).toString(), t.citizen(), department, t.serviceCode(),
					t.hall(), t.channel(), t.completedAt()));
		});
	}

	@ApplicationModuleListener
	void on(ConversationChanged changed) {
		if (changed.subject() == null || !changed.subject().startsWith("conversation:") || !ends(changed.kind())) {
			return;
		}
		UUID id;
		try {
			id = UUID.fromString(changed.subject().substring("conversation:".length()));
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		// A visitor nobody knows has no inbox and no page of ratings: nothing to invite.
		conversations.ended(id)
			.filter(c -> c.citizen() != null)
			.ifPresent(c -> invitations.invite(new RatedService(SubjectType.CONVERSATION, c.id().toString(),
					c.citizen(), c.department(), null, null, c.channel(), c.endedAt())));
	}

	@ApplicationModuleListener
	void on(ComplaintChanged changed) {
		if (!"replied".equals(changed.change())) {
			return;
		}
		// An anonymous reporter follows the complaint by its tracking code, not an
		// account:
		// nobody to invite.
		complaints.replied(changed.complaintId())
			.filter(c -> c.reporter() != null)
			.ifPresent(c -> invitations.invite(new RatedService(SubjectType.COMPLAINT, c.id().toString(), c.reporter(),
					c.department(), null, null, c.channel(), c.repliedAt())));
	}

}
