package org.onestop.registry;

/** How a claimed name and ID number compare with the population registry. */
public enum IdentityMatch {

	MATCHED, NO_SUCH_ID_NUMBER, NAME_DIFFERS

}
