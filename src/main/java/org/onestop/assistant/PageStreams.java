package org.onestop.assistant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams the pages hold open, ended when the node shuts down: a graceful shutdown waits for every open
 * request, and a stream whose browser went away is only noticed at its next write, so without this a node would
 * wait out the whole shutdown timeout. Weakly held: a stream that ended is forgotten with it.
 */
@Component
class PageStreams {

	private final Set<SseEmitter> open = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	SseEmitter track(SseEmitter emitter) {
		open.add(emitter);
		return emitter;
	}

	@EventListener(ContextClosedEvent.class)
	void endAll() {
		List<SseEmitter> all;
		synchronized (open) {
			all = new ArrayList<>(open);
			open.clear();
		}
		for (SseEmitter emitter : all) {
			try {
				emitter.complete();
			}
			catch (RuntimeException alreadyOver) {
				// Completed or broken already: nothing left to end.
			}
		}
	}
}
