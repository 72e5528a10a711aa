package org.onestop.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The table in {@code access-matrix.txt}: for every operation of the API, what each kind
 * of caller gets. One row per operation; the header names the columns.
 */
record AccessMatrix(List<String> columns, Map<String, Row> rows) {

	static final String FILE = "access-matrix.txt";

	/** The columns for callers who are not staff; every staff role follows them. */
	static final List<String> CALLERS = List.of("anon", "citizen", "other");

	/** The header's short name of each role, so that the table stays narrow. */
	static final Map<String, Role> ROLES = Map.ofEntries(Map.entry("clerk", Role.CLERK),
			Map.entry("review", Role.REVIEWER), Map.entry("superv", Role.SUPERVISOR),
			Map.entry("field", Role.FIELD_OFFICER), Map.entry("agent", Role.AGENT),
			Map.entry("dispat", Role.DISPATCHER), Map.entry("head", Role.DEPARTMENT_HEAD),
			Map.entry("admin", Role.ADMIN), Map.entry("audit", Role.AUDITOR), Map.entry("editor", Role.CONTENT_EDITOR),
			Map.entry("handlr", Role.COMPLAINT_HANDLER), Map.entry("svsup", Role.SERVICES_SUPERVISOR));

	/** What one caller gets from one operation. */
	enum Answer {

		/** Exactly 401: not signed in. */
		UNAUTHORIZED("401"),
		/** Exactly 403: signed in, without the role. */
		FORBIDDEN("403"),
		/** Exactly 404: someone else's resource, or one out of the caller's reach. */
		NOT_FOUND("404"),
		/**
		 * Past the access rule: neither 401 nor 403. A 404 for an id that does not exist,
		 * or a 400/409/422 for the probe's deliberately empty body, counts.
		 */
		ALLOWED("ok"),
		/**
		 * The owner reaches their own resource: neither 401 nor 403 nor 404.
		 */
		OWN("own");

		final String code;

		Answer(String code) {
			this.code = code;
		}

		static Answer of(String code) {
			return Arrays.stream(values())
				.filter(a -> a.code.equals(code))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown answer '" + code + "'; use one of "
						+ Arrays.stream(values()).map(a -> a.code).toList()));
		}

		boolean accepts(int status) {
			return switch (this) {
				case UNAUTHORIZED -> status == 401;
				case FORBIDDEN -> status == 403;
				case NOT_FOUND -> status == 404;
				case ALLOWED -> status != 401 && status != 403;
				case OWN -> status != 401 && status != 403 && status != 404;
			};
		}

	}

	/** One operation's row: the answer for each column, in the header's order. */
	record Row(String operation, List<Answer> answers) {
	}

	static AccessMatrix read() throws IOException {
		try (InputStream in = AccessMatrix.class.getResourceAsStream(FILE)) {
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	static AccessMatrix parse(String text) {
		List<String> columns = null;
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String line : text.lines().map(String::strip).toList()) {
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			List<String> cells = List.of(line.split("\\s+"));
			if (columns == null) {
				columns = header(cells);
				continue;
			}
			String operation = cells.get(0) + " " + cells.get(1);
			if (cells.size() != 2 + columns.size()) {
				throw new IllegalStateException(operation + ": " + (cells.size() - 2) + " answers for " + columns.size()
						+ " columns " + columns);
			}
			List<Answer> answers = cells.subList(2, cells.size()).stream().map(Answer::of).toList();
			if (rows.put(operation, new Row(operation, answers)) != null) {
				throw new IllegalStateException(operation + " has two rows");
			}
		}
		return new AccessMatrix(columns, rows);
	}

	/**
	 * The header: "operation", then the callers, then every role, so that a new role
	 * needs a column.
	 */
	private static List<String> header(List<String> cells) {
		if (!cells.get(0).equals("operation") || !cells.subList(1, 4).equals(CALLERS)) {
			throw new IllegalStateException("The header starts 'operation anon citizen other', not " + cells);
		}
		List<String> columns = cells.subList(1, cells.size());
		Set<Role> roles = columns.subList(3, columns.size())
			.stream()
			.map(ROLES::get)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		if (!roles.equals(EnumSet.allOf(Role.class)) || columns.size() != 3 + Role.values().length) {
			throw new IllegalStateException("The header needs one column per role " + ROLES + ", not " + columns);
		}
		return new ArrayList<>(columns);
	}

}
