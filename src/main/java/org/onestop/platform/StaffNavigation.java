package org.onestop.platform;

import java.util.Locale;

import org.onestop.shared.SignedInUser;

/**
 * What the staff layout shows about the member of staff signed in: their name, their
 * department and the pages their roles open. The identity module knows roles and
 * departments and implements this; platform only asks, so that it depends on no business
 * module.
 */
public interface StaffNavigation {

	/**
	 * The staff bar for this person, in this language; asked once per page that shows it.
	 */
	StaffBar bar(SignedInUser user, Locale locale);

}
