package org.onestop.identity;

import java.util.Optional;

import org.onestop.notification.Contacts;
import org.springframework.stereotype.Service;

/**
 * How OneStop reaches a citizen, for other modules: the phone the citizen verified on
 * their account (the one codes go to), without reading identity's tables.
 */
@Service
public class CitizenContacts implements Contacts {

	private final DirectoryStore store;

	CitizenContacts(DirectoryStore store) {
		this.store = store;
	}

	/** The verified phone of an enabled citizen account; empty for staff or unknown. */
	public Optional<String> phone(String username) {
		return store.citizenPhone(username);
	}

	/**
	 * The same phone: every citizen's phone was proved with a code sent to it, at
	 * registration or when it was changed.
	 */
	@Override
	public Optional<String> verifiedPhone(String username) {
		return phone(username);
	}

}
