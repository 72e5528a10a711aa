package org.onestop.assistant;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many conversations one caller may keep waiting for a person at once: without a cap,
 * one script queues dozens of empty conversations in a second, keeps them alive by
 * polling, and every real citizen waits behind them. A signed-in citizen is one caller,
 * with no address limit (signing in is how a hall's many visitors behind one address each
 * wait in their own name); an anonymous caller is a device (its owner key) and an
 * address. Counted under a transaction-scoped advisory lock per caller, taken in one
 * order (device, then address), so that two requests on any nodes cannot both see room
 * for the last place.
 */
@Component
class WaitingLimits {

	/** Which limit was reached, and what it is. */
	record Reached(boolean address, int limit) {
	}

	private final WaitingLineStore store;

	private final AssistantProperties properties;

	WaitingLimits(WaitingLineStore store, AssistantProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/**
	 * The limit this caller has reached, if any, for joining the queue with conversation
	 * {@code c}; the locks are held until the caller's transaction ends, so the caller
	 * queues (and records its address) before anyone else counts.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Reached> reached(Conversation.Asker asker, Conversation c, Instant now) {
		if (asker.citizen() != null) {
			String citizen = asker.citizen().username();
			return over("citizen:" + citizen, WaitingLineStore.Caller.CITIZEN, citizen, c, now,
					properties.waitingPerCitizen())
				.map(limit -> new Reached(false, limit));
		}
		if (c.ownerKey() != null) {
			Optional<Reached> device = over("device:" + c.ownerKey(), WaitingLineStore.Caller.DEVICE, c.ownerKey(), c,
					now, properties.waitingPerDevice())
				.map(limit -> new Reached(false, limit));
			if (device.isPresent()) {
				return device;
			}
		}
		return over("address:" + address(asker), WaitingLineStore.Caller.ADDRESS, address(asker), c, now,
				properties.waitingPerAddress())
			.map(limit -> new Reached(true, limit));
	}

	static String address(Conversation.Asker asker) {
		return asker.address() == null ? "unknown" : asker.address();
	}

	private Optional<Integer> over(String key, WaitingLineStore.Caller caller, String who, Conversation c, Instant now,
			int limit) {
		store.lockCaller("assistant.waiting:" + key);
		int waiting = store.waitingOf(caller, who, c.id(), now.minus(properties.abandonAfter()));
		return waiting >= limit ? Optional.of(limit) : Optional.empty();
	}

}
