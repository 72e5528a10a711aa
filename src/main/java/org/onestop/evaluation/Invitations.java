package org.onestop.evaluation;

import java.time.Clock;
import java.util.List;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites the citizen to rate a finished service, once per service: the invitation is
 * written if the subject has none, and only then is the inbox message sent, in the same
 * transaction, so a retried listener never invites twice.
 */
@Component
class Invitations {

	private final RatingStore store;

	private final ServiceNames names;

	private final Inbox inbox;

	private final Clock clock;

	Invitations(RatingStore store, ServiceNames names, Inbox inbox, Clock clock) {
		this.store = store;
		this.names = names;
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * The department that handles a matter, or the fallback when the catalog knows none.
	 */
	String departmentOf(String serviceCode, String fallback) {
		return names.departmentOf(serviceCode, fallback);
	}

	@Transactional
	void invite(RatedService service) {
		if (!store.invite(service, clock.instant()) || service.citizen() == null) {
			return;
		}
		String link = "/ratings/new?subject=" + service.subjectType().name() + ":" + service.subjectId();
		inbox.send(new Message(service.citizen(), "rating.invitation",
				List.of(Message.named(names.of(service.subjectType(), service.serviceCode())), link), link,
				"RATING_INVITATION"));
	}

}
