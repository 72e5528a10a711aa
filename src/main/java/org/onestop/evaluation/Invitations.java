package org.onestop.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.onestop.appointment.MatterDepartments;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.Messages;
import org.onestop.shared.LocalizedText;
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

	private final MatterDepartments matters;

	private final Inbox inbox;

	private final Messages messages;

	private final Clock clock;

	Invitations(RatingStore store, MatterDepartments matters, Inbox inbox, Messages messages, Clock clock) {
		this.store = store;
		this.matters = matters;
		this.inbox = inbox;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The department that handles a matter, or the fallback when the catalog knows none.
	 */
	String departmentOf(String serviceCode, String fallback) {
		if (serviceCode == null) {
			return fallback;
		}
		return matters.of(Set.of(serviceCode)).getOrDefault(serviceCode, fallback);
	}

	@Transactional
	void invite(RatedService service) {
		if (!store.invite(service, clock.instant()) || service.citizen() == null) {
			return;
		}
		String link = "/ratings/new?subject=" + service.subjectType().name() + ":" + service.subjectId();
		inbox.send(new Message(service.citizen(), "rating.invitation", List.of(Message.named(name(service)), link),
				link, "RATING_INVITATION"));
	}

	/** The matter's name, or what kind of service it was when no matter was named. */
	private LocalizedText name(RatedService service) {
		if (service.serviceCode() != null) {
			LocalizedText matter = matters.names(Set.of(service.serviceCode())).get(service.serviceCode());
			if (matter != null) {
				return matter;
			}
		}
		String key = "evaluation.subject." + service.subjectType().name();
		return new LocalizedText(messages.get(Locale.SIMPLIFIED_CHINESE, key), messages.get(Locale.ENGLISH, key));
	}

}
