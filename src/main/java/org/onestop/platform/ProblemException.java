package org.onestop.platform;

import java.util.List;
import java.util.Map;

/**
 * A failure that the caller must hear about in their own language: what kind of failure
 * it is (the subclass: {@link NotFoundException}, {@link ConflictException},
 * {@link ForbiddenException}, {@link InvalidInputException} …), a message key for the
 * problem's {@code detail}, and optionally field errors. The kinds say nothing about
 * HTTP: only {@code ProblemAdvice} maps them to statuses, so that services stay free of
 * web types. Pages show the same messages beside the fields; the API answers with RFC
 * 9457 problem details.
 */
public abstract class ProblemException extends RuntimeException {

	private final String detailKey;

	private final transient Object[] args;

	private final transient List<FieldProblem> fields;

	protected ProblemException(String detailKey, Object... args) {
		this(detailKey, List.of(), args);
	}

	protected ProblemException(String detailKey, List<FieldProblem> fields, Object... args) {
		// An expected answer to the caller, not a fault: no stack trace (a flash crowd
		// makes thousands a second).
		super(detailKey, null, false, false);
		this.detailKey = detailKey;
		this.args = args;
		this.fields = List.copyOf(fields);
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

	/**
	 * Further members of the problem document (RFC 9457 extension members), already in
	 * the caller's language.
	 */
	public Map<String, Object> extensions() {
		return Map.of();
	}

	/** One field's error: the field name as the client sent it, and a message key. */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}

}
