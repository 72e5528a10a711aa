package org.onestop.appointment.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.appointment.booking.BookingOutcome;
import org.onestop.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The API's answers to refused bookings: in a flash crowd almost every attempt is one of
 * a handful of 409s, so each problem body is made once per reason, arguments and language
 * and then sent as bytes (the same document the problem advice would write for the
 * exception: status, title, detail in the caller's language, the request path as
 * instance). The texts come from the message bundles, which do not change while the node
 * runs, so the cache needs no invalidation and nodes cannot disagree.
 */
@Component
class BookingRefusals {

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final ProblemResponses problems;

	private final ObjectMapper json;

	/** Small and bounded: a few reasons × two languages × the daily limits in use. */
	private final Map<Key, byte[]> bodies = new ConcurrentHashMap<>();

	BookingRefusals(ProblemResponses problems, ObjectMapper json) {
		this.problems = problems;
		this.json = json;
	}

	private record Key(String refusal, List<Object> args, Locale locale, String path) {
	}

	ResponseEntity<byte[]> answer(BookingOutcome refused, Locale locale, String path) {
		byte[] body = bodies.computeIfAbsent(new Key(refused.refusal(), refused.args(), locale, path), this::body);
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(PROBLEM).body(body);
	}

	private byte[] body(Key key) {
		var problem = problems.problem(key.locale(), HttpStatus.CONFLICT, key.refusal(), key.args().toArray());
		problem.setInstance(URI.create(key.path()));
		try {
			return json.writeValueAsBytes(problem);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A problem document could not be written", ex);
		}
	}

}
