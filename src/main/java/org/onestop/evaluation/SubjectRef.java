package org.onestop.evaluation;

import java.util.regex.Pattern;

import org.onestop.platform.NotFoundException;

/**
 * A rated subject as links name it, {@code <TYPE>:<id>}. A malformed one names nothing:
 * not found, like a subject of someone else's.
 */
record SubjectRef(SubjectType type, String id) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	SubjectRef {
		if (type == null || id == null || !ID.matcher(id).matches()) {
			throw new NotFoundException("evaluation.rating.not-found");
		}
	}

	static SubjectRef parse(String subject) {
		int colon = subject == null ? -1 : subject.indexOf(':');
		if (colon < 1) {
			throw new NotFoundException("evaluation.rating.not-found");
		}
		String type = subject.substring(0, colon);
		for (SubjectType t : SubjectType.values()) {
			if (t.name().equals(type)) {
				return new SubjectRef(t, subject.substring(colon + 1));
			}
		}
		throw new NotFoundException("evaluation.rating.not-found");
	}

}
