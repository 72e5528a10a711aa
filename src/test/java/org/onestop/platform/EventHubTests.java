package org.onestop.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub's contract without a server: what is delivered when, one read per source, and
 * every stream ended.
 */
class EventHubTests {

	final EventHub hub = new EventHub();

	@Test
	void deliversOnOpeningThenOnlyWhenTheVersionMoves() {
		Source halls = new Source();
		halls.versions.put("A", 1L);
		List<Long> heard = new ArrayList<>();
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> heard.add(version)));
		hub.poll();
		assertThat(heard).containsExactly(1L);
		halls.versions.put("A", 2L);
		hub.poll();
		hub.poll();
		assertThat(heard).containsExactly(1L, 2L);
	}

	@Test
	void readsEachSourceOnceAPollForAllItsKeysAndTellsItWhoIsWatching() {
		Source halls = new Source();
		halls.versions.putAll(Map.of("A", 1L, "B", 1L));
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> {
		}));
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> {
		}));
		hub.subscribe(new Subscription<>(halls, "B", (version, sink) -> {
		}));
		halls.reads.clear();
		hub.poll();
		assertThat(halls.reads).containsExactly(Set.of("A", "B"));
		assertThat(halls.watched).containsExactly(Set.of("A", "B"));
	}

	@Test
	void aFailingSourceKeepsNobodyElseWaiting() {
		Source broken = new Source();
		broken.versions.put("A", 1L);
		Source halls = new Source();
		halls.versions.put("B", 1L);
		List<Long> heard = new ArrayList<>();
		hub.subscribe(new Subscription<>(broken, "A", (version, sink) -> {
		}));
		hub.subscribe(new Subscription<>(halls, "B", (version, sink) -> heard.add(version)));
		broken.failing = true;
		halls.versions.put("B", 2L);
		hub.poll();
		assertThat(heard).containsExactly(1L, 2L);
	}

	@Test
	void aStreamWhoseFirstReadFailsIsNotKeptOrWatched() {
		Source broken = new Source();
		broken.failing = true;
		assertThatThrownBy(() -> hub.subscribe(new Subscription<>(broken, "A", (version, sink) -> {
		}))).isInstanceOf(IllegalStateException.class);
		assertThat(hub.listening()).isZero();
		broken.failing = false;
		hub.poll();
		assertThat(broken.watched).isEmpty();
	}

	@Test
	void aFailedDeliveryIsTriedAgainAndKeepsTheOthersGoing() {
		Source halls = new Source();
		halls.versions.put("A", 1L);
		List<Long> first = new ArrayList<>();
		List<Long> second = new ArrayList<>();
		boolean[] failOnce = { false };
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> {
			if (failOnce[0]) {
				failOnce[0] = false;
				throw new IllegalStateException("the client's buffer is full");
			}
			first.add(version);
		}));
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> second.add(version)));
		failOnce[0] = true;
		halls.versions.put("A", 2L);
		hub.poll();
		assertThat(second).containsExactly(1L, 2L);
		assertThat(first).containsExactly(1L);
		hub.poll();
		assertThat(first).containsExactly(1L, 2L);
	}

	@Test
	void aDeliveryMayEndItsStreamAndShutdownEndsTheRest() {
		Source halls = new Source();
		halls.versions.put("A", 1L);
		List<Long> heard = new ArrayList<>();
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> {
			heard.add(version);
			if (version == 2L) {
				sink.end();
			}
		}));
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> {
		}));
		halls.versions.put("A", 2L);
		hub.poll();
		assertThat(hub.listening()).isEqualTo(1);
		halls.versions.put("A", 3L);
		hub.poll();
		assertThat(heard).containsExactly(1L, 2L);
		hub.endAll();
		assertThat(hub.listening()).isZero();
		hub.subscribe(new Subscription<>(halls, "A", (version, sink) -> {
		}));
		assertThat(hub.listening()).isZero();
	}

	/** Versions kept in memory, counting how it is read. */
	static final class Source implements Versioned<String, Long> {

		final Map<String, Long> versions = new HashMap<>();

		final List<Set<String>> reads = new ArrayList<>();

		final List<Set<String>> watched = new ArrayList<>();

		boolean failing;

		@Override
		public Map<String, Long> versions(Set<String> keys) {
			if (failing) {
				throw new IllegalStateException("database down");
			}
			reads.add(Set.copyOf(keys));
			Map<String, Long> known = new HashMap<>(versions);
			known.keySet().retainAll(keys);
			return known;
		}

		@Override
		public void watched(Set<String> keys) {
			this.watched.add(Set.copyOf(keys));
		}

	}

}
