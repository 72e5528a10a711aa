package org.onestop.notification;

import java.util.Optional;
import java.util.Set;

import org.onestop.shared.SignedInUser;

/**
 * Narrows what a reader sees of an inbox: a representative acting for a citizen under a
 * mandate for chosen matters (issue 15) sees only the messages about those matters. The
 * module that knows the matters (applications) answers; the inbox only filters.
 */
public interface InboxScope {

	/**
	 * The links of the messages this reader may see, or empty when they may see every
	 * message of the inbox.
	 */
	Optional<Set<String>> links(SignedInUser reader);

}
