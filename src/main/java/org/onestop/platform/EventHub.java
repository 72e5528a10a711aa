package org.onestop.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates by server-sent events for every module, correct with several nodes on one
 * database: nobody pushes from the request that changed something. Each change raises a
 * version in the database; once a second, and only while someone on this node listens,
 * the hub asks each {@link Versioned} source for the versions of the keys its listeners
 * follow (one call per source) and calls the {@link Subscription.Delivery} of each
 * listener whose version moved. A change written on node A thus reaches a listener on
 * node B within a second, and a node that restarts loses nothing: the version is still
 * there to compare.
 *
 * <p>
 * To add a live page: give the module a {@code Versioned} bean over its version column,
 * let its service describe a listener's stream as a {@link Subscription} (after checking
 * who may listen), and let the controller return {@code hub.subscribe(subscription)} from
 * a {@code text/event-stream} endpoint; the page falls back to polling when the stream is
 * refused. The hub also sends a keep-alive comment every 25 seconds (so proxies keep a
 * quiet stream open), ends a stream after 30 minutes (the browser reconnects), and ends
 * every stream when the node shuts down (browsers reconnect to another node). How many
 * streams a client and a node may hold is {@code EventStreams}' business, before the
 * controller runs.
 */
@Component
public class EventHub {

	/** A stream ends after this long; the browser then reconnects by itself. */
	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(EventHub.class);

	private final Set<Listener<?, ?>> listeners = ConcurrentHashMap.newKeySet();

	private volatile boolean closing;

	/**
	 * Opens the stream: the delivery runs at once with the current version, then whenever
	 * it moves.
	 */
	public <K, V> SseEmitter subscribe(Subscription<K, V> subscription) {
		Listener<K, V> listener = new Listener<>(subscription);
		listeners.add(listener);
		listener.emitter.onCompletion(() -> listeners.remove(listener));
		listener.emitter.onTimeout(() -> listeners.remove(listener));
		listener.emitter.onError(ex -> listeners.remove(listener));
		if (closing) {
			// Opened while the node shuts down: ended at once, so the graceful shutdown
			// need not wait it out.
			listener.end();
			return listener.emitter;
		}
		try {
			listener.offer(subscription.source().versions(Set.of(subscription.key())).get(subscription.key()));
		}
		catch (RuntimeException ex) {
			// The stream never reaches the client, so no callback would ever remove it:
			// its
			// source would be polled and "watched" (an agent seen on duty) for ever.
			listeners.remove(listener);
			throw ex;
		}
		return listener.emitter;
	}

	/**
	 * Reads every followed version and delivers what moved; the scheduler calls it every
	 * second.
	 */
	@Scheduled(fixedDelay = 1000)
	public void poll() {
		if (listeners.isEmpty()) {
			return;
		}
		Map<Versioned<?, ?>, List<Listener<?, ?>>> bySource = new LinkedHashMap<>();
		listeners.forEach(l -> bySource.computeIfAbsent(l.subscription.source(), s -> new ArrayList<>()).add(l));
		bySource.values().forEach(EventHub::poll);
	}

	/**
	 * A comment line now and then keeps proxies from closing a quiet stream, and finds
	 * streams whose browser left.
	 */
	@Scheduled(fixedDelay = 25_000)
	public void keepAlive() {
		listeners.forEach(l -> l.send(SseEmitter.event().comment("keep-alive")));
	}

	/**
	 * Ends every stream when the node shuts down: a graceful shutdown waits for open
	 * requests, and a stream whose browser went away is noticed only at its next write.
	 * Browsers reconnect to another node by themselves.
	 */
	@EventListener(ContextClosedEvent.class)
	void endAll() {
		closing = true;
		List.copyOf(listeners).forEach(Listener::end);
	}

	/** Streams open on this node now. */
	int listening() {
		return listeners.size();
	}

	@SuppressWarnings("unchecked")
	private static <K, V> void poll(List<Listener<?, ?>> ofOneSource) {
		List<Listener<K, V>> all = ofOneSource.stream().map(l -> (Listener<K, V>) l).toList();
		Versioned<K, V> source = all.get(0).subscription.source();
		Set<K> keys = new LinkedHashSet<>();
		all.forEach(l -> keys.add(l.subscription.key()));
		Map<K, V> versions;
		try {
			versions = source.versions(keys);
			source.watched(keys);
		}
		catch (RuntimeException ex) {
			// One source failing (its database is down, say) must not keep the others'
			// listeners waiting.
			log.warn("Live updates from {} failed: {}", source.getClass().getSimpleName(), ex.toString());
			return;
		}
		for (Listener<K, V> listener : all) {
			try {
				listener.offer(versions.get(listener.subscription.key()));
			}
			catch (RuntimeException ex) {
				// One delivery failing must not skip the others; this one is tried again
				// next second, as its version was not heard.
				log.warn("Live update to one listener of {} failed: {}", source.getClass().getSimpleName(),
						ex.toString());
			}
		}
	}

	/** One open stream and the version its listener last heard of. */
	private final class Listener<K, V> implements Subscription.Sink {

		final Subscription<K, V> subscription;

		final SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());

		private V heard;

		Listener(Subscription<K, V> subscription) {
			this.subscription = subscription;
		}

		synchronized void offer(V version) {
			if (version == null || Objects.equals(version, heard) || !listeners.contains(this)) {
				return;
			}
			subscription.delivery().deliver(version, this);
			heard = version;
		}

		@Override
		public void send(String event, String data) {
			send(SseEmitter.event().name(event).data(data));
		}

		@Override
		public void sendJson(String event, Object data) {
			send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
		}

		@Override
		public void sendJson(String event, String id, Object data) {
			send(SseEmitter.event().name(event).id(id).data(data, MediaType.APPLICATION_JSON));
		}

		@Override
		public void end() {
			listeners.remove(this);
			try {
				emitter.complete();
			}
			catch (RuntimeException alreadyOver) {
				// Completed or broken already: nothing left to end.
			}
		}

		void send(SseEmitter.SseEventBuilder event) {
			try {
				emitter.send(event);
			}
			catch (IOException | IllegalStateException ex) {
				listeners.remove(this);
			}
		}

	}

}
