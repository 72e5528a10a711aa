package org.onestop.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * Who is really at the keyboard when a citizen is acted for (授权代办, issue 15): the
 * representative (a citizen with the grantor's mandate, or a parent of a child under 16
 * as the household registry shows), and what they may do.
 * <p>
 * A request acting for someone carries a {@link OneStopUser} whose username, name and ID
 * number are the <em>grantor's</em>, so that every citizen endpoint serves the grantor's
 * forms, applications and appointments unchanged; this record says who acted, so that
 * every action is recorded in both names and the mandate's limits can be enforced.
 *
 * @param username the representative's own username
 * @param displayName the representative's name
 * @param idNumber the representative's resident ID number
 * @param kind a mandate or a guardian's right
 * @param mandateId the mandate acted under; null for a guardian
 * @param serviceCodes the matters the mandate covers; empty for all matters
 */
public record Representation(String username, String displayName, String idNumber, Kind kind, UUID mandateId,
		Set<String> serviceCodes) implements Serializable {

	public Representation {
		serviceCodes = Set.copyOf(serviceCodes);
	}

	/** Whether acting on this matter is within the representation. */
	public boolean covers(String serviceCode) {
		return serviceCodes.isEmpty() || serviceCodes.contains(serviceCode);
	}

	/** Where a representative's right comes from. */
	public enum Kind {

		/** A mandate the grantor gave (online or at a counter). */
		MANDATE,
		/** A parent's right over a child under 16, from the household registry. */
		GUARDIAN

	}

}
