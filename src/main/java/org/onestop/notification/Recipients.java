package org.onestop.notification;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Where a person's messages of one topic go beyond the inbox: their proved phone and
 * e-mail, each only if they have not turned that channel off for the topic; and the
 * language they read in. An unproved address receives nothing.
 */
@Service
class Recipients {

	private final ContactStore contacts;

	private final Contacts phones;

	Recipients(ContactStore contacts, Contacts phones) {
		this.contacts = contacts;
		this.phones = phones;
	}

	/**
	 * @param phone the phone to text, if the person accepts texts on this topic
	 * @param email the address to write to, if the person accepts e-mail on this topic
	 */
	record Reach(Locale language, Optional<String> phone, Optional<String> email) {
	}

	Reach reach(String username, Topic topic) {
		ContactStore.ForTopic found = contacts.forTopic(username, topic);
		Locale language = Locale.forLanguageTag(found.language());
		if (topic == Topic.STAFF_WORK) {
			return new Reach(language, Optional.empty(), Optional.empty());
		}
		Optional<String> provedPhone = phones.verifiedPhone(username);
		Optional<String> provedEmail = Optional.ofNullable(found.email());
		Optional<String> phone = provedPhone.filter(p -> accepts(topic, found.sms()));
		Optional<String> email = provedEmail.filter(e -> accepts(topic, found.mail()));
		if (topic == Topic.DECISIONS && phone.isEmpty() && email.isEmpty()) {
			// The choices were checked when made, but the address they kept may have
			// changed since (a new, unproved e-mail): decisions still reach the person.
			phone = provedPhone;
			email = provedPhone.isPresent() ? Optional.empty() : provedEmail;
		}
		return new Reach(language, phone, email);
	}

	private static boolean accepts(Topic topic, Boolean choice) {
		return !topic.optional() || choice == null || choice;
	}

}
