package org.onestop.identity;

import java.util.Optional;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about citizens' accounts without reading identity's tables:
 * whose account an ID number has, and a citizen's ID number (issue 15, counter filing).
 */
@Service
public class CitizenAccounts {

	private final DirectoryStore store;

	CitizenAccounts(DirectoryStore store) {
		this.store = store;
	}

	/** The username of the resident's citizen account; empty when they have none yet. */
	public Optional<String> usernameOf(ResidentIdNumber idNumber) {
		return store.citizenUsername(idNumber.value());
	}

	/** The ID number of a citizen's account; empty for staff and unknown usernames. */
	public Optional<ResidentIdNumber> idNumberOf(String username) {
		return store.citizenIdNumber(username).map(ResidentIdNumber::parse);
	}

}
