package org.onestop.platform;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Admits server-sent event streams, whichever module serves them: every handler that
 * answers with an emitter passes here first. A client address may hold {@code per-client}
 * streams on this node and the node {@code total}; beyond that the request is answered
 * 429 or 503 with Retry-After and a problem in the caller's language, before the handler
 * runs (so a refused stream costs no query), and the page polls instead. A stream's place
 * is given back when its asynchronous request ends for any reason: completed, timed out,
 * or broken (noticed at the next write).
 *
 * <p>
 * The counts are this node's on purpose: what they protect (connections, file
 * descriptors) is the node's.
 */
@Component
class EventStreams implements AsyncHandlerInterceptor {

	private static final String ADMITTED = EventStreams.class.getName() + ".admitted";

	private final EventStreamProperties limits;

	private final ProblemResponses problems;

	private final AtomicInteger open = new AtomicInteger();

	private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

	EventStreams(EventStreamProperties limits, ProblemResponses problems, MeterRegistry meters) {
		this.limits = limits;
		this.problems = problems;
		Gauge.builder("onestop.streams.open", open, AtomicInteger::get)
			.description("Server-sent event streams open on this node")
			.register(meters);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !streams(handler)) {
			return true;
		}
		// The connection's own address: forwarded headers are not ours to trust here.
		String client = request.getRemoteAddr();
		HttpStatus refusal = admit(client);
		if (refusal != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limits.retryAfter().toSeconds()));
			problems.write(request, response, refusal,
					refusal == HttpStatus.TOO_MANY_REQUESTS ? "platform.streams.per-client" : "platform.streams.full",
					limits.perClient());
			return false;
		}
		request.setAttribute(ADMITTED, new Place(client));
		return true;
	}

	@Override
	public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
			Object handler) {
		if (request.getAttribute(ADMITTED) instanceof Place place) {
			request.getAsyncContext().addListener(place);
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		// The handler refused (not found, not allowed) or failed before any stream began,
		// or a stream has ended.
		if (request.getAttribute(ADMITTED) instanceof Place place && !request.isAsyncStarted()) {
			place.giveBack();
		}
	}

	/** Streams open on this node now. */
	int open() {
		return open.get();
	}

	private static boolean streams(Object handler) {
		return handler instanceof HandlerMethod method
				&& ResponseBodyEmitter.class.isAssignableFrom(method.getReturnType().getParameterType());
	}

	/** Takes a place for the client, or says why not. */
	private HttpStatus admit(String client) {
		boolean[] tooMany = { false };
		byClient.compute(client, (address, held) -> {
			int now = held == null ? 0 : held;
			if (now >= limits.perClient()) {
				tooMany[0] = true;
				return held;
			}
			return now + 1;
		});
		if (tooMany[0]) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		if (open.incrementAndGet() > limits.total()) {
			open.decrementAndGet();
			release(client);
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return null;
	}

	private void release(String client) {
		byClient.computeIfPresent(client, (address, held) -> held <= 1 ? null : held - 1);
	}

	/** One admitted stream's place, given back once, whichever way the stream ends. */
	private final class Place implements AsyncListener {

		private final String client;

		private final AtomicBoolean given = new AtomicBoolean();

		Place(String client) {
			this.client = client;
		}

		void giveBack() {
			if (given.compareAndSet(false, true)) {
				open.decrementAndGet();
				release(client);
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			giveBack();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			giveBack();
		}

		@Override
		public void onError(AsyncEvent event) {
			giveBack();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// Still the same stream.
		}

	}

}
