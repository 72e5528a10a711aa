package org.onestop.identity;

import java.util.Locale;
import java.util.Optional;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about citizens' accounts without reading identity's tables:
 * whose account an ID number has, and a citizen's ID number — for work done for a
 * resident who is not the one signed in (an application filed at a counter or prepared on
 * the hotline, issue 15).
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

	/**
	 * The username a resident's work belongs to: their account's, or else the lower-case
	 * ID number, which is the username registration will give them, so that the work is
	 * theirs once they register.
	 */
	public String usernameFor(ResidentIdNumber idNumber) {
		return usernameOf(idNumber).orElse(idNumber.value().toLowerCase(Locale.ROOT));
	}

	/** The ID number of a citizen's account; empty for staff and unknown usernames. */
	public Optional<ResidentIdNumber> idNumberOf(String username) {
		return store.citizenIdNumber(username).map(ResidentIdNumber::parse);
	}

}
