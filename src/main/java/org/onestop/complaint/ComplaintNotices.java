package org.onestop.complaint;

import java.util.List;

import org.onestop.identity.Role;
import org.onestop.identity.StaffDirectory;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.stereotype.Component;

/**
 * Who hears of a complaint's moves: the reporters (every reporter of a merged case), the
 * department's handlers and head, the dispatch centre. Sent in the move's transaction.
 */
@Component
class ComplaintNotices {

	/** The dispatch centre (12345市民服务热线中心). */
	static final String DISPATCH_CENTRE = "DC";

	private final Inbox inbox;

	private final StaffDirectory staff;

	ComplaintNotices(Inbox inbox, StaffDirectory staff) {
		this.inbox = inbox;
		this.staff = staff;
	}

	/**
	 * Tells the reporters of these complaints; anonymous reporters follow their private
	 * link.
	 */
	void reporters(List<Complaint> complaints, String kind, String key, String... arguments) {
		complaints.stream()
			.filter(c -> c.reporter() != null)
			.forEach(
					c -> inbox.send(new Message(c.reporter(), key, List.of(arguments), "/complaints/" + c.id(), kind)));
	}

	void department(String department, Role role, Complaint complaint, String kind, String key, String... arguments) {
		staff.holders(department, role)
			.forEach(username -> inbox
				.send(new Message(username, key, List.of(arguments), "/staff/complaints/" + complaint.caseId(), kind)));
	}

	void dispatchers(Complaint complaint, String kind, String key, String... arguments) {
		staff.holders(DISPATCH_CENTRE, Role.DISPATCHER)
			.forEach(username -> inbox
				.send(new Message(username, key, List.of(arguments), "/staff/dispatch/" + complaint.caseId(), kind)));
	}

	void dispatchHead(Complaint complaint, String kind, String key, String... arguments) {
		department(DISPATCH_CENTRE, Role.DEPARTMENT_HEAD, complaint, kind, key, arguments);
	}

}
