package org.onestop.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.CaseView.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The story of each application, one entry per thing that happened, shown to the citizen
 * and the staff.
 */
@Component
class Timeline {

	private final TimelineStore store;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Timeline(TimelineStore store, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.clock = clock;
		this.events = events;
	}

	void record(UUID application, String kind, String actor, Map<String, ?> detail) {
		record(application, List.of(new Entry(kind, actor, detail)));
	}

	/** Several things that happened at once, written in one statement, in this order. */
	void record(UUID application, List<Entry> entries) {
		store.append(application, clock.instant(), entries);
		entries.forEach(e -> events.publishEvent(new ApplicationChanged(e.actor(), application, e.kind())));
	}

	/** One timeline entry to be written. */
	record Entry(String kind, String actor, Map<String, ?> detail) {
	}

	List<TimelineEntry> of(UUID application) {
		return store.of(application);
	}

}
