package org.onestop.identity;

import java.util.Collection;
import java.util.Map;

import org.onestop.shared.LocalizedText;

/**
 * The names of the service matters a mandate may be limited to. Identity knows no
 * catalogue: the catalog module, which depends on identity, supplies it.
 */
public interface MatterNames {

	/** The published matters among these codes, by code; unknown codes are absent. */
	Map<String, LocalizedText> names(Collection<String> serviceCodes);

	/** Every published matter, by code, in the catalogue's order. */
	Map<String, LocalizedText> all();

}
