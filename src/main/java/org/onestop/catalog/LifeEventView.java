package org.onestop.catalog;

import java.util.List;

/** A life event with its published matters, and the trips and days they add up to. */
public record LifeEventView(LifeEvent event, List<Matter> matters) {

	static LifeEventView of(LifeEvent event, CatalogCache published) {
		return new LifeEventView(event, published.matters(event.matters()));
	}

	public int totalMaxTrips() {
		return matters.stream().mapToInt(m -> m.definition().maxTrips()).sum();
	}

	public int totalPromisedDays() {
		return matters.stream().mapToInt(m -> m.definition().promisedDays()).sum();
	}

	public boolean inBundle(Matter matter) {
		return event.bundle().contains(matter.code());
	}
}
