package org.onestop.appointment.hall;

import java.util.List;
import java.util.function.LongSupplier;

import org.onestop.appointment.ServiceHall;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The list of service halls kept in this node's memory: every public matter page names
 * its halls, and halls are renamed a few times a year. Follows the same layout version as
 * {@link HallLayoutCache} (a trigger raises it on every change to the hall table, whoever
 * makes it), read at most once per {@code onestop.appointment.layout-cache} (5 s): a
 * change made on any node is served here within that bound.
 */
@Component
public class ServiceHallMemory {

	private final HallLayoutStore store;

	private final long freshNanos;

	private final LongSupplier nanoTime;

	/**
	 * Nothing read yet: null (a made-up "long ago" would overflow the nanosecond sums).
	 */
	private volatile Snapshot snapshot;

	@Autowired
	ServiceHallMemory(HallLayoutStore store, AppointmentProperties properties) {
		this(store, properties.layoutCache().toNanos(), System::nanoTime);
	}

	ServiceHallMemory(HallLayoutStore store, long freshNanos, LongSupplier nanoTime) {
		this.store = store;
		this.freshNanos = freshNanos;
		this.nanoTime = nanoTime;
	}

	/**
	 * The halls under the layout version read at {@code checkedAt}, until {@code until}.
	 */
	private record Snapshot(long version, List<ServiceHall> halls, long until) {
	}

	/** The service halls in code order. */
	public List<ServiceHall> all() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// That transaction may be the one renaming a hall, and may yet roll back.
			return store.serviceHalls();
		}
		Snapshot last = snapshot;
		if (last != null && nanoTime.getAsLong() - last.until() < 0) {
			return last.halls();
		}
		return refresh();
	}

	private synchronized List<ServiceHall> refresh() {
		Snapshot last = snapshot;
		long now = nanoTime.getAsLong();
		if (last != null && now - last.until() < 0) {
			return last.halls();
		}
		// The version first: a change committed meanwhile leaves the halls newer than
		// their version, so they are only read once more, never kept stale.
		long version = store.version().version();
		List<ServiceHall> halls = last != null && version == last.version() ? last.halls()
				: List.copyOf(store.serviceHalls());
		snapshot = new Snapshot(version, halls, now + freshNanos);
		return halls;
	}

}
