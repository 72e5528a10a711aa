package org.onestop.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live board updates, correct with several nodes: nobody pushes from the request that changed the queue. Instead
 * every node reads all halls' versions once a second (one small query, and only while someone listens) and tells
 * its own listeners of each hall whose version moved; the page then fetches the fresh board.
 */
@Component
class BoardEvents {

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final HallVersions versions;
	private final Map<String, Set<SseEmitter>> listeners = new ConcurrentHashMap<>();
	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	BoardEvents(HallVersions versions) {
		this.versions = versions;
	}

	SseEmitter listen(String hall) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Set<SseEmitter> ofHall = listeners.computeIfAbsent(hall, h -> ConcurrentHashMap.newKeySet());
		ofHall.add(emitter);
		emitter.onCompletion(() -> ofHall.remove(emitter));
		emitter.onTimeout(() -> ofHall.remove(emitter));
		emitter.onError(ex -> ofHall.remove(emitter));
		long version = versions.all().getOrDefault(hall, 0L);
		send(ofHall, emitter, version);
		return emitter;
	}

	@Scheduled(fixedDelay = 1000)
	void poll() {
		if (listeners.values().stream().allMatch(Set::isEmpty)) {
			return;
		}
		Map<String, Long> now = versions.all();
		listeners.forEach((hall, emitters) -> {
			long version = now.getOrDefault(hall, 0L);
			Long before = seen.put(hall, version);
			if (before != null && before == version) {
				return;
			}
			emitters.forEach(emitter -> send(emitters, emitter, version));
		});
	}

	/** Ends every board stream when the node shuts down, so a graceful shutdown need not wait them out. */
	@EventListener(ContextClosedEvent.class)
	void endAll() {
		listeners.forEach((hall, emitters) -> {
			for (SseEmitter emitter : java.util.List.copyOf(emitters)) {
				emitters.remove(emitter);
				try {
					emitter.complete();
				}
				catch (RuntimeException alreadyOver) {
					// Completed or broken already.
				}
			}
		});
	}

	/** A comment line now and then keeps proxies from closing a quiet stream. */
	@Scheduled(fixedDelay = 25_000)
	void keepAlive() {
		listeners.forEach((hall, emitters) -> emitters.forEach(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				emitters.remove(emitter);
			}
		}));
	}

	private static void send(Set<SseEmitter> emitters, SseEmitter emitter, long version) {
		try {
			emitter.send(SseEmitter.event().name("queue").data(Long.toString(version)));
		}
		catch (IOException | IllegalStateException ex) {
			emitters.remove(emitter);
		}
	}
}
