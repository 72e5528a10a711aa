package org.onestop.notification;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Where a person's messages of one topic go beyond the inbox: their proved phone and
 * e-mail, each only if they have not turned that channel off for the topic; and the
 * language they read in.
 */
@Service
class Recipients {

	private final ContactStore store;

	private final Contacts contacts;

	Recipients(ContactStore store, Contacts contacts) {
		this.store = store;
		this.contacts = contacts;
	}

	/**
	 * @param phone the phone to text, if the person accepts texts on this topic
	 * @param email the address to write to, if the person accepts e-mail on this topic
	 */
	record Reach(Locale language, Optional<String> phone, Optional<String> email) {
	}

	Reach reach(String username, Topic topic) {
		Optional<ContactStore.Contact> contact = store.contact(username);
		Locale language = Locale.forLanguageTag(contact.map(ContactStore.Contact::language).orElse("zh"));
		if (topic == Topic.STAFF_WORK) {
			return new Reach(language, Optional.empty(), Optional.empty());
		}
		Optional<String> phone = accepts(username, topic, Channel.SMS) ? contacts.verifiedPhone(username)
				: Optional.empty();
		Optional<String> email = contact.map(ContactStore.Contact::email)
			.filter(e -> accepts(username, topic, Channel.EMAIL));
		return new Reach(language, phone, email);
	}

	private boolean accepts(String username, Topic topic, Channel channel) {
		return store.accepts(username, topic, channel).orElse(true);
	}

}
