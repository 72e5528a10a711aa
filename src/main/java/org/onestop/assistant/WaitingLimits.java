package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many conversations one caller may keep waiting for a person at once: without a cap, one script queues dozens
 * of empty conversations in a second, keeps them alive by polling, and every real citizen waits behind them. A
 * signed-in citizen is one caller, with no address limit (signing in is how a hall's many visitors behind one
 * address each wait in their own name); an anonymous caller is a device (its owner key) and an address. Counted
 * under a transaction-scoped advisory lock per caller, taken in one order (device, then address), so that two
 * requests on any nodes cannot both see room for the last place.
 */
@Component
class WaitingLimits {

	/** Which limit was reached, and what it is. */
	record Reached(boolean address, int limit) {
	}

	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))";

	private static final String WAITING = """
			SELECT count(*) FROM assistant_conversation
			WHERE handoff = 'QUEUED' AND abandoned_at IS NULL AND last_seen_at >= :since AND id <> :id AND channel = 'WEB'
			""";

	private static final String BY_CITIZEN = WAITING + " AND citizen = :who";

	private static final String BY_DEVICE = WAITING + " AND citizen IS NULL AND owner_key = :who";

	private static final String BY_ADDRESS = WAITING + " AND citizen IS NULL AND queued_from = :who";

	private final JdbcClient db;
	private final AssistantProperties properties;

	WaitingLimits(JdbcClient db, AssistantProperties properties) {
		this.db = db;
		this.properties = properties;
	}

	/**
	 * The limit this caller has reached, if any, for joining the queue with conversation {@code c}; the locks are held
	 * until the caller's transaction ends, so the caller queues (and records its address) before anyone else counts.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Reached> reached(Conversation.Asker asker, Conversation c, Instant now) {
		if (asker.citizen() != null) {
			String citizen = asker.citizen().username();
			return over("citizen:" + citizen, BY_CITIZEN, citizen, c, now, properties.waitingPerCitizen())
				.map(limit -> new Reached(false, limit));
		}
		if (c.ownerKey() != null) {
			Optional<Reached> device = over("device:" + c.ownerKey(), BY_DEVICE, c.ownerKey(), c, now,
					properties.waitingPerDevice()).map(limit -> new Reached(false, limit));
			if (device.isPresent()) {
				return device;
			}
		}
		return over("address:" + address(asker), BY_ADDRESS, address(asker), c, now, properties.waitingPerAddress())
			.map(limit -> new Reached(true, limit));
	}

	static String address(Conversation.Asker asker) {
		return asker.address() == null ? "unknown" : asker.address();
	}

	private Optional<Integer> over(String key, String count, String who, Conversation c, Instant now, int limit) {
		db.sql(LOCK).param("key", "assistant.waiting:" + key).query().listOfRows();
		int waiting = db.sql(count).param("who", who).param("id", c.id())
			.param("since", Timestamp.from(now.minus(properties.abandonAfter()))).query(Integer.class).single();
		return waiting >= limit ? Optional.of(limit) : Optional.empty();
	}
}
