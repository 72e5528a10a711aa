package org.onestop.evaluation;

import java.util.Map;

/**
 * One thing OneStop knew about a rated service that may explain the rating.
 *
 * @param key what it points at (see {@link CauseKind}); at most 200 characters
 * @param detail figures and names that go with it (minutes waited, the matter's version),
 * stored as JSON
 */
public record Cause(CauseKind kind, String key, Map<String, Object> detail) {

	public Cause {
		detail = Map.copyOf(detail);
	}

}
