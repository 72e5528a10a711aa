package org.onestop.notification;

import java.util.Optional;

/**
 * Where a person can be reached outside OneStop, as the module that keeps accounts knows
 * it (implemented there, so that this module needs no account of its own).
 */
public interface Contacts {

	/**
	 * The person's phone, only if it was proved with a code sent to it (at registration
	 * or when changed); empty for staff and for an unproved number.
	 */
	Optional<String> verifiedPhone(String username);

}
