package org.onestop.queue;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.platform.Subscription;
import org.onestop.platform.Versioned;
import org.springframework.stereotype.Component;

/**
 * Live board updates through the platform's event hub: a board's stream follows its
 * hall's queue version and hears an event named {@code queue} carrying the new version
 * each time it moves; the page then fetches the fresh board.
 */
@Component
class BoardFeed implements Versioned<String, Long> {

	private final HallVersions versions;

	BoardFeed(HallVersions versions) {
		this.versions = versions;
	}

	/** A board's stream; the caller checked that the hall exists. */
	Subscription<String, Long> of(String hall) {
		return new Subscription<>(this, hall, (version, sink) -> sink.send("queue", Long.toString(version)));
	}

	@Override
	public Map<String, Long> versions(Set<String> halls) {
		Map<String, Long> all = versions.all();
		return halls.stream().collect(Collectors.toMap(Function.identity(), hall -> all.getOrDefault(hall, 0L)));
	}

}
