package org.onestop.platform;

import java.util.Map;
import java.util.Set;

/**
 * What live updates follow: a source of version numbers (or any value compared with
 * {@code equals}) kept in the database, one per key (a hall, a conversation), raised by
 * every change. The {@link EventHub} reads the versions of the keys its listeners follow
 * once a second, in one call per source, so a change written on any node reaches a
 * listener on any other node within a second, with nothing kept in memory that another
 * node would need.
 *
 * @param <K> what a listener follows, such as a hall's code
 * @param <V> its version; a listener hears of it whenever it differs from the one it last
 * heard of
 */
public interface Versioned<K, V> {

	/**
	 * The current version of each key (one short read for them all); a key left out is
	 * not delivered to.
	 */
	Map<K, V> versions(Set<K> keys);

	/**
	 * Called after each poll with every key someone on this node follows, so a source may
	 * note who is there (an agent at the desk, a citizen keeping their place); nothing by
	 * default.
	 */
	default void watched(Set<K> keys) {
	}

}
