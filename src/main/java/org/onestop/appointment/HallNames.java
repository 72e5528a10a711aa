package org.onestop.appointment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.onestop.appointment.hall.ServiceHallMemory;
import org.springframework.stereotype.Service;

/**
 * The service halls' names, for pages that only name halls (the public matter pages):
 * read from this node's memory, which follows the halls' layout version, so a rename on
 * any node shows within {@code onestop.appointment.layout-cache} (5 s).
 */
@Service
public class HallNames {

	private final ServiceHallMemory halls;

	HallNames(ServiceHallMemory halls) {
		this.halls = halls;
	}

	/** Hall code → name in the given language, in code order. */
	public Map<String, String> names(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		halls.all().forEach(h -> names.put(h.code(), h.name(locale)));
		return names;
	}

}
