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

	private final PreferenceStore preferences;

	private final Contacts phones;

	Recipients(ContactStore contacts, PreferenceStore preferences, Contacts phones) {
		this.contacts = contacts;
		this.preferences = preferences;
		this.phones = phones;
	}

	/**
	 * @param phone the phone to text, if the person accepts texts on this topic
	 * @param email the address to write to, if the person accepts e-mail on this topic
	 */
	record Reach(Locale language, Optional<String> phone, Optional<String> email) {
	}

	Reach reach(String username, Topic topic) {
		Optional<ContactStore.Contact> contact = contacts.contact(username);
		Locale language = Locale.forLanguageTag(contact.map(ContactStore.Contact::language).orElse("zh"));
		if (topic == Topic.STAFF_WORK) {
			return new Reach(language, Optional.empty(), Optional.empty());
		}
		Optional<String> provedPhone = phones.verifiedPhone(username);
		Optional<String> provedEmail = contact.map(ContactStore.Contact::email);
		Optional<String> phone = provedPhone.filter(p -> accepts(username, topic, Channel.SMS));
		Optional<String> email = provedEmail.filter(e -> accepts(username, topic, Channel.EMAIL));
		if (topic == Topic.DECISIONS && phone.isEmpty() && email.isEmpty()) {
			// The choices were checked when made, but the address they kept may have
			// changed
			// since (a new, unproved e-mail): decisions still reach the person.
			phone = provedPhone;
			email = provedPhone.isPresent() ? Optional.empty() : provedEmail;
		}
		return new Reach(language, phone, email);
	}

	private boolean accepts(String username, Topic topic, Channel channel) {
		return !topic.optional() || preferences.accepts(username, topic, channel).orElse(true);
	}

}
