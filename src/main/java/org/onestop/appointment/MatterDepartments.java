package org.onestop.appointment;

import java.util.Collection;
import java.util.Map;

import org.onestop.shared.LocalizedText;

/**
 * Which department handles each matter: the catalog knows, and implements this port (the
 * catalog depends on appointment, so appointment may not call the catalog). Booking
 * capacity is checked against it.
 */
public interface MatterDepartments {

	/**
	 * Department code of each of these matters that the catalog knows; unknown codes are
	 * absent.
	 */
	Map<String, String> of(Collection<String> serviceCodes);

	/**
	 * The name of each of these matters that the catalog knows, in both languages: pages
	 * name a matter, never show its code.
	 */
	Map<String, LocalizedText> names(Collection<String> serviceCodes);

}
