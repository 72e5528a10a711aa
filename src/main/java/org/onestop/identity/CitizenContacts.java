package org.onestop.identity;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * How OneStop reaches a citizen, for other modules: the phone the citizen verified on
 * their account (the one codes go to), without reading identity's tables.
 */
@Service
public class CitizenContacts {

	private final DirectoryStore store;

	CitizenContacts(DirectoryStore store) {
		this.store = store;
	}

	/** The verified phone of an enabled citizen account; empty for staff or unknown. */
	public Optional<String> phone(String username) {
		return store.citizenPhone(username);
	}

}
