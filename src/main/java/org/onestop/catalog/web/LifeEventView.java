package org.onestop.catalog.web;

import java.util.List;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.LifeEvent;
import org.onestop.catalog.Matter;

/** A life event with its published matters, and the trips and days they add up to. */
public record LifeEventView(LifeEvent event, List<Matter> matters) {

	static LifeEventView of(LifeEvent event, Catalog catalog) {
		return new LifeEventView(event, catalog.cachedMatters(event.matters()));
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
