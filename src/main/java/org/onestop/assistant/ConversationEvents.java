package org.onestop.assistant;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live chat and live queue positions with any number of nodes on one database. The queue module's pattern rather
 * than PostgreSQL LISTEN/NOTIFY: every change raises a version number (the conversation's, and its pool's queue
 * version), and each node, only while someone listens to it, reads the versions of the conversations its own
 * listeners follow once a second and pushes what moved. A message written on node A thus reaches a citizen
 * listening on node B within a second, with no in-memory state another node needs, no dedicated connection to
 * keep alive and re-LISTEN after a failover, and no notification lost while a node restarts (the version is still
 * there to compare). A second's latency is fine for a conversation between people.
 *
 * <p>Events: {@code handoff} (state, position, estimated wait), {@code message} (each new transcript line, once), and
 * for agents {@code queue} (their pool's queue changed: fetch it again).
 */
@Component
class ConversationEvents {

	static final Duration TIMEOUT = Duration.ofMinutes(30);
	/** A listening owner is "there": their last-seen time is refreshed at most this often. */
	static final Duration PRESENCE = Duration.ofSeconds(20);

	private final class Listener {

		final SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		final UUID conversation;
		final String pool;
		final boolean owner;
		/**
		 * The agent following the pool's queue or a conversation: their open console keeps them "seen", and a
		 * conversation stream is closed once the conversation is neither waiting in their pool nor theirs.
		 */
		final String agent;
		final AtomicLong version = new AtomicLong(-1);
		final AtomicLong poolVersion = new AtomicLong(-1);
		final AtomicLong lastLine = new AtomicLong(0);

		Listener(UUID conversation, String pool, boolean owner, String agent) {
			this.conversation = conversation;
			this.pool = pool;
			this.owner = owner;
			this.agent = agent;
		}
	}

	private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
	private final JdbcClient db;
	private final ConversationStore store;
	private final Handoffs handoffs;
	private final WaitingLine line;
	private final Clock clock;

	ConversationEvents(JdbcClient db, ConversationStore store, Handoffs handoffs, WaitingLine line, Clock clock) {
		this.db = db;
		this.store = store;
		this.handoffs = handoffs;
		this.line = line;
		this.clock = clock;
	}

	/** Follows one conversation: its handoff and every new line. The caller checked who may. */
	SseEmitter conversation(UUID id, String pool, boolean owner) {
		return register(new Listener(id, pool, owner, null));
	}

	/** An agent follows a conversation for as long as they may see it (waiting in their pool, or theirs). */
	SseEmitter conversation(UUID id, String pool, String agent) {
		return register(new Listener(id, pool, false, agent));
	}

	/** Follows a pool's queue (for an agent, who counts as at the desk while it is open). */
	SseEmitter queue(String pool, String agent) {
		return register(new Listener(null, pool, false, agent));
	}

	private SseEmitter register(Listener listener) {
		listeners.add(listener);
		listener.emitter.onCompletion(() -> listeners.remove(listener));
		listener.emitter.onTimeout(() -> listeners.remove(listener));
		listener.emitter.onError(ex -> listeners.remove(listener));
		Long conversationVersion = listener.conversation == null ? null
				: store.find(listener.conversation).map(Conversation::version).orElse(0L);
		push(listener, conversationVersion, line.versions().getOrDefault(listener.pool, 0L));
		return listener.emitter;
	}

	@Scheduled(fixedDelay = 1000)
	void poll() {
		if (listeners.isEmpty()) {
			return;
		}
		Map<String, Long> pools = line.versions();
		List<UUID> ids = listeners.stream().filter(l -> l.conversation != null).map(l -> l.conversation).distinct().toList();
		Map<UUID, Long> versions = ids.isEmpty() ? Map.of()
				: db.sql("SELECT id, version FROM assistant_conversation WHERE id IN (:ids)").param("ids", ids)
					.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).list().stream()
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		listeners.forEach(l -> push(l, l.conversation == null ? null : versions.getOrDefault(l.conversation, 0L),
				pools.getOrDefault(l.pool, 0L)));
		line.seen(listeners.stream().map(l -> l.agent).filter(java.util.Objects::nonNull).distinct().toList());
		List<UUID> present = listeners.stream().filter(l -> l.owner).map(l -> l.conversation).distinct().toList();
		if (!present.isEmpty()) {
			db.sql("""
					UPDATE assistant_conversation SET last_seen_at = :now
					WHERE id IN (:ids) AND abandoned_at IS NULL AND last_seen_at < :stale""")
				.param("now", Timestamp.from(clock.instant())).param("ids", present)
				.param("stale", Timestamp.from(clock.instant().minus(PRESENCE))).update();
		}
	}

	/**
	 * Ends every stream when the node shuts down: a graceful shutdown waits for open requests, and a stream whose
	 * browser went away is noticed only at its next write. Browsers reconnect to another node by themselves.
	 */
	@EventListener(ContextClosedEvent.class)
	void endAll() {
		for (Listener l : List.copyOf(listeners)) {
			listeners.remove(l);
			try {
				l.emitter.complete();
			}
			catch (RuntimeException alreadyOver) {
				// Completed or broken already: nothing left to end.
			}
		}
	}

	/** A comment line now and then keeps proxies from closing a quiet stream. */
	@Scheduled(fixedDelay = 25_000)
	void keepAlive() {
		listeners.forEach(l -> send(l, SseEmitter.event().comment("keep-alive")));
	}

	private void push(Listener l, Long version, long poolVersion) {
		synchronized (l) {
			pushOnce(l, version, poolVersion);
		}
	}

	private void pushOnce(Listener l, Long version, long poolVersion) {
		boolean poolMoved = l.poolVersion.getAndSet(poolVersion) != poolVersion;
		if (l.conversation == null) {
			if (poolMoved) {
				send(l, SseEmitter.event().name("queue").data(Long.toString(poolVersion)));
			}
			return;
		}
		boolean moved = l.version.getAndSet(version) != version;
		if (!moved && !poolMoved) {
			return;
		}
		store.find(l.conversation).ifPresent(c -> {
			if (l.agent != null && !l.agent.equals(c.agent()) && !(c.waiting() && l.pool.equals(c.pool()))) {
				// Another agent took it (or it left the queue): this agent's view of it ends here.
				listeners.remove(l);
				l.emitter.complete();
				return;
			}
			send(l, SseEmitter.event().name("handoff").data(handoffs.view(c), MediaType.APPLICATION_JSON));
			for (ConversationStore.Line entry : store.lines(c.id(), l.lastLine.get())) {
				send(l, SseEmitter.event().name("message").id(Long.toString(entry.id())).data(entry, MediaType.APPLICATION_JSON));
				l.lastLine.set(entry.id());
			}
		});
	}

	private void send(Listener l, SseEmitter.SseEventBuilder event) {
		try {
			l.emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			listeners.remove(l);
		}
	}

	int listening() {
		return listeners.size();
	}
}
