package org.onestop.platform;

import java.util.Objects;

/**
 * One listener's stream as a service describes it, without any web type: what it follows
 * ({@code source} and {@code key}) and what to send when that moves ({@code delivery}). A
 * controller opens it with {@link EventHub#subscribe(Subscription)}.
 */
public record Subscription<K, V>(Versioned<K, V> source, K key, Delivery<V> delivery) {

	public Subscription {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(delivery, "delivery");
	}

	/**
	 * What to send to one listener, called when the stream opens and then whenever the
	 * version it follows moves, never twice at once for the same listener. It may keep
	 * its own state (the last line sent, say).
	 */
	@FunctionalInterface
	public interface Delivery<V> {

		void deliver(V version, Sink sink);

	}

	/**
	 * The listener's end of the stream. A send to a listener that went away ends its
	 * stream quietly.
	 */
	public interface Sink {

		/** An event with plain text data, such as a version number. */
		void send(String event, String data);

		/** An event with JSON data. */
		void sendJson(String event, Object data);

		/**
		 * An event with JSON data and an id, which a browser sends back as Last-Event-ID
		 * when it reconnects.
		 */
		void sendJson(String event, String id, Object data);

		/**
		 * Ends the stream, for instance once the listener may no longer see what it
		 * follows.
		 */
		void end();

	}
}
