package org.onestop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.platform.Subscription;
import org.onestop.platform.Versioned;
import org.springframework.stereotype.Component;

/**
 * Live chat and live queue positions through the platform's event hub, with any number of
 * nodes on one database: every change raises a version number (the conversation's, and
 * its pool's queue version), and the hub reads the versions that its node's listeners
 * follow once a second and calls here for what moved. Rather than PostgreSQL
 * LISTEN/NOTIFY: no dedicated connection to keep alive and re-LISTEN after a failover,
 * and no notification lost while a node restarts (the version is still there to compare).
 * A second's latency is fine for a conversation between people.
 *
 * <p>
 * Events: {@code handoff} (state, position, estimated wait), {@code message} (each new
 * transcript line, once), and for agents {@code queue} (their pool's queue changed: fetch
 * it again). Listening counts as being there: an owner's stream keeps their place in the
 * queue, an agent's keeps them at the desk.
 */
@Component
class ConversationFeed implements Versioned<ConversationFeed.Watch, ConversationFeed.Versions> {

	/**
	 * A listening owner or agent is "there": their last-seen time is refreshed at most
	 * this often.
	 */
	static final Duration PRESENCE = Duration.ofSeconds(20);

	/**
	 * What one stream follows: a conversation (or none: the pool's queue only), for its
	 * owner or for an agent. An agent's conversation stream ends once the conversation is
	 * neither waiting in their pool nor theirs.
	 */
	record Watch(UUID conversation, String pool, boolean owner, String agent) {

		/**
		 * An agent no longer sees a conversation that another agent took or that left the
		 * queue.
		 */
		boolean lost(Conversation c) {
			return agent != null && !agent.equals(c.agent()) && !(c.waiting() && pool.equals(c.pool()));
		}
	}

	/** The versions a stream follows; the conversation's is null for a queue stream. */
	record Versions(Long conversation, long pool) {
	}

	private final ConversationStore store;

	private final Handoffs handoffs;

	private final WaitingLine line;

	private final Clock clock;

	ConversationFeed(ConversationStore store, Handoffs handoffs, WaitingLine line, Clock clock) {
		this.store = store;
		this.handoffs = handoffs;
		this.line = line;
		this.clock = clock;
	}

	/**
	 * Follows one conversation for its owner: its handoff and every new line. The caller
	 * checked who may.
	 */
	Subscription<Watch, Versions> forOwner(UUID id, String pool) {
		return conversation(new Watch(id, pool, true, null));
	}

	/**
	 * An agent follows a conversation for as long as they may see it (waiting in their
	 * pool, or theirs).
	 */
	Subscription<Watch, Versions> forAgent(UUID id, String pool, String agent) {
		return conversation(new Watch(id, pool, false, agent));
	}

	/**
	 * An agent follows their pool's queue (and counts as at the desk while it is open).
	 */
	Subscription<Watch, Versions> queue(String pool, String agent) {
		return new Subscription<>(this, new Watch(null, pool, false, agent),
				(versions, sink) -> sink.send("queue", Long.toString(versions.pool())));
	}

	@Override
	public Map<Watch, Versions> versions(Set<Watch> watches) {
		Map<String, Long> pools = line.versions();
		Map<UUID, Long> conversations = store
			.versions(watches.stream().map(Watch::conversation).filter(Objects::nonNull).distinct().toList());
		return watches.stream()
			.collect(Collectors.toMap(Function.identity(),
					w -> new Versions(
							w.conversation() == null ? null : conversations.getOrDefault(w.conversation(), 0L),
							pools.getOrDefault(w.pool(), 0L))));
	}

	@Override
	public void watched(Set<Watch> watches) {
		line.seen(watches.stream().map(Watch::agent).filter(Objects::nonNull).distinct().toList());
		List<UUID> present = watches.stream().filter(Watch::owner).map(Watch::conversation).distinct().toList();
		Instant now = clock.instant();
		store.present(present, now, now.minus(PRESENCE));
	}

	private Subscription<Watch, Versions> conversation(Watch watch) {
		AtomicLong lastLine = new AtomicLong();
		return new Subscription<>(this, watch, (versions, sink) -> store.find(watch.conversation()).ifPresent(c -> {
			if (watch.lost(c)) {
				sink.end();
				return;
			}
			sink.sendJson("handoff", handoffs.view(c));
			for (ConversationStore.Line entry : store.lines(c.id(), lastLine.get())) {
				sink.sendJson("message", Long.toString(entry.id()), entry);
				lastLine.set(entry.id());
			}
		}));
	}

}
