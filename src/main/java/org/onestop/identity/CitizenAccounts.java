package org.onestop.identity;

import java.util.Locale;
import java.util.Optional;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;

/**
 * Whose account a resident has, for work done for a resident who is not the one signed in
 * (an application prepared on the hotline or filed at a counter, issue 15).
 */
@Service
public class CitizenAccounts {

	private final CitizenAccountStore store;

	CitizenAccounts(CitizenAccountStore store) {
		this.store = store;
	}

	/**
	 * The username a resident's work belongs to: their account's, or else the lower-case
	 * ID number, which is the username registration will give them, so that the work is
	 * theirs once they register.
	 */
	public String usernameFor(ResidentIdNumber idNumber) {
		return account(idNumber).orElse(idNumber.value().toLowerCase(Locale.ROOT));
	}

	/** The username of the resident's account, if they have one. */
	public Optional<String> account(ResidentIdNumber idNumber) {
		return store.username(idNumber.value());
	}

}
