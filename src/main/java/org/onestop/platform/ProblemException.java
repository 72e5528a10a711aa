package org.onestop.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure that the caller must hear about in their own language: the HTTP status, a message key
 * for the problem's {@code detail}, and optionally field errors. Pages show the same messages beside
 * the fields; the API answers with RFC 9457 problem details.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;
	private final String detailKey;
	private final transient Object[] args;
	private final transient List<FieldProblem> fields;

	public ProblemException(HttpStatus status, String detailKey, Object... args) {
		this(status, detailKey, List.of(), args);
	}

	protected ProblemException(HttpStatus status, String detailKey, List<FieldProblem> fields, Object... args) {
		// An expected answer to the caller, not a fault: no stack trace (a flash crowd makes thousands a second).
		super(detailKey, null, false, false);
		this.status = status;
		this.detailKey = detailKey;
		this.args = args;
		this.fields = List.copyOf(fields);
	}

	public HttpStatus status() {
		return status;
	}

	public String detailKey() {
		return detailKey;
	}

	public Object[] args() {
		return args.clone();
	}

	public List<FieldProblem> fields() {
		return fields;
	}

	/** Further members of the problem document (RFC 9457 extension members), already in the caller's language. */
	public java.util.Map<String, Object> extensions() {
		return java.util.Map.of();
	}

	/** One field's error: the field name as the client sent it, and a message key. */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}
}
