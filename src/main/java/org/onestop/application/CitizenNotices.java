package org.onestop.application;

import java.util.ArrayList;
import java.util.List;

import org.onestop.catalog.Catalog;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Tells people about a change to an application that needs them, in their OneStop inbox
 * and in the same transaction as the change: no notice for a change that rolled back, no
 * change without its notice. Every notice names the application as people speak of it:
 * the matter's name in the reader's language ({0}) and the reference ({1}); the subject's
 * own values follow.
 */
@Component
class CitizenNotices {

	private final Inbox inbox;

	private final Catalog catalog;

	CitizenNotices(Inbox inbox, Catalog catalog) {
		this.inbox = inbox;
		this.catalog = catalog;
	}

	/** To the applicant, linking to their application. */
	void citizen(Application application, String kind, String subjectKey, Object... args) {
		inbox.send(new Message(application.applicant(), subjectKey, arguments(application, args),
				"/applications/" + application.id(), kind));
	}

	/** To a member of staff, linking to the case in their inbox. */
	void staff(String username, Application application, String kind, String subjectKey, Object... args) {
		inbox.send(new Message(username, subjectKey, arguments(application, args), "/staff/tasks", kind));
	}

	private List<String> arguments(Application application, Object... args) {
		LocalizedText name = catalog.matter(application.serviceCode(), application.matterVersion())
			.or(() -> catalog.matter(application.serviceCode()))
			.map(m -> m.definition().name())
			.orElse(new LocalizedText(application.serviceCode(), application.serviceCode()));
		List<String> arguments = new ArrayList<>();
		arguments.add(Message.named(name));
		arguments.add(application.reference());
		for (Object arg : args) {
			arguments.add(arg instanceof LocalizedText text ? Message.named(text) : String.valueOf(arg));
		}
		return arguments;
	}

}
