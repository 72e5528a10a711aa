package org.onestop.application;

import java.util.Arrays;
import java.util.List;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.stereotype.Component;

/**
 * Tells people about a change to an application that needs them, in their OneStop inbox
 * and in the same transaction as the change: no notice for a change that rolled back, no
 * change without its notice.
 */
@Component
class CitizenNotices {

	private final Inbox inbox;

	CitizenNotices(Inbox inbox) {
		this.inbox = inbox;
	}

	/** To the applicant, linking to their application. */
	void citizen(Application application, String kind, String subjectKey, Object... args) {
		inbox.send(new Message(application.applicant(), subjectKey, strings(args), "/applications/" + application.id(),
				kind));
	}

	/** To a member of staff, linking to the case in their inbox. */
	void staff(String username, Application application, String kind, String subjectKey, Object... args) {
		inbox.send(new Message(username, subjectKey, strings(args), "/staff/tasks", kind));
	}

	private static List<String> strings(Object... args) {
		return Arrays.stream(args).map(String::valueOf).toList();
	}

}
