package org.onestop.registry;

import java.time.Clock;
import java.util.List;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records every read of a resident's registry data with who, which items and why, in the
 * reader's transaction: the citizen's "who used my data", and the audit log's entry.
 */
@Component
class AccessLog {

	private final RegistryStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccessLog(RegistryStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	void record(ResidentIdNumber idNumber, String registry, List<String> items, Accessor accessor, String purpose) {
		record(idNumber, List.of(new RegistryStore.RegistryRead(registry, items)), accessor, purpose);
	}

	/**
	 * Several registries read for the same purpose: one row each, written together; one
	 * audit entry each.
	 */
	void record(ResidentIdNumber idNumber, List<RegistryStore.RegistryRead> reads, Accessor accessor, String purpose) {
		store.logAccess(clock.instant(), idNumber, reads, accessor, purpose);
		reads.forEach(read -> events
			.publishEvent(new RegistryDataRead(accessor.username(), idNumber, read.registry(), read.items(), purpose)));
	}

	List<DataAccess> of(ResidentIdNumber idNumber, int limit) {
		return store.accesses(idNumber, limit);
	}

}
