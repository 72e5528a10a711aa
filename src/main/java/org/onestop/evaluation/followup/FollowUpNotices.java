package org.onestop.evaluation.followup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.onestop.identity.Role;
import org.onestop.identity.StaffDirectory;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.stereotype.Component;

/**
 * Who hears of a follow-up: the department's handlers when one opens and when its reply
 * is nearly due, its head when it is overdue, the citizen when the department replies,
 * the member of staff who flagged a rating when it is decided. Sent in the change's
 * transaction, so a claim and its message commit together.
 */
@Component
class FollowUpNotices {

	private final Inbox inbox;

	private final StaffDirectory staff;

	FollowUpNotices(Inbox inbox, StaffDirectory staff) {
		this.inbox = inbox;
		this.staff = staff;
	}

	void opened(String department, UUID followUpId) {
		handlers(department).forEach(username -> inbox.send(new Message(username, "evaluation.follow-up.notice.opened",
				List.of(), staffLink(followUpId), "FOLLOW_UP_OPENED")));
	}

	void dueSoon(String department, UUID followUpId) {
		handlers(department).forEach(username -> inbox.send(new Message(username,
				"evaluation.follow-up.notice.due-soon", List.of(), staffLink(followUpId), "FOLLOW_UP_DUE_SOON")));
	}

	void overdue(String department, UUID followUpId) {
		staff.holders(department, Role.DEPARTMENT_HEAD)
			.forEach(username -> inbox.send(new Message(username, "evaluation.follow-up.notice.overdue", List.of(),
					staffLink(followUpId), "FOLLOW_UP_OVERDUE")));
	}

	void contactOverdue(String department, UUID followUpId) {
		staff.holders(department, Role.DEPARTMENT_HEAD)
			.forEach(username -> inbox.send(new Message(username, "evaluation.follow-up.notice.contact-overdue",
					List.of(), staffLink(followUpId), "FOLLOW_UP_CONTACT_OVERDUE")));
	}

	void replied(String citizen, UUID ratingId) {
		inbox.send(new Message(citizen, "evaluation.follow-up.notice.replied", List.of(),
				"/ratings/" + ratingId + "/follow-up", "FOLLOW_UP_REPLIED"));
	}

	void flagDecided(String flaggedBy) {
		inbox.send(new Message(flaggedBy, "evaluation.flag.notice.decided", List.of(), "/staff/follow-ups",
				"RATING_FLAG_DECIDED"));
	}

	/**
	 * Those who write replies (complaint handlers, supervisors); a department without any
	 * tells its head, so that a warning never goes nowhere.
	 */
	private Set<String> handlers(String department) {
		Set<String> usernames = new LinkedHashSet<>();
		Staff.HANDLERS.forEach(role -> usernames.addAll(staff.holders(department, role)));
		if (usernames.isEmpty()) {
			usernames.addAll(staff.holders(department, Role.DEPARTMENT_HEAD));
		}
		return usernames;
	}

	private static String staffLink(UUID followUpId) {
		return "/staff/follow-ups/" + followUpId;
	}

}
