package org.onestop.appointment.hall;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.ServiceHall;
import org.springframework.stereotype.Component;

/**
 * What the module's API ({@link Halls}, {@code ServiceHalls}) reads of the halls: layouts
 * and weekly hours from this node's {@link HallLayoutCache}, everything else from the
 * tables.
 */
@Component
public class HallDirectory {

	private final HallLayoutStore store;

	private final HallLayoutCache layouts;

	HallDirectory(HallLayoutStore store, HallLayoutCache layouts) {
		this.store = store;
		this.layouts = layouts;
	}

	public List<String> codes() {
		return store.codes();
	}

	public Optional<HallLayout> layout(String hall) {
		return layouts.get(hall).map(HallLayoutStore.StoredLayout::layout);
	}

	/**
	 * The hall's hours by weekday (1 = Monday; a weekday without hours is closed); empty
	 * for an unknown hall.
	 */
	public Map<Integer, Halls.Hours> weeklyHours(String hall) {
		return layouts.get(hall).map(HallLayoutStore.StoredLayout::hours).orElse(Map.of());
	}

	public boolean worksAt(String username, String hall) {
		return store.worksAt(username, hall);
	}

	public List<ServiceHall> serviceHalls() {
		return store.serviceHalls();
	}

}
