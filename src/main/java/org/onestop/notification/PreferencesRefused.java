package org.onestop.notification;

import java.util.List;

import org.onestop.platform.UnprocessableException;

/** Choices that would leave a required topic with no way to reach the person (422). */
class PreferencesRefused extends UnprocessableException {

	PreferencesRefused(List<FieldProblem> fields) {
		super("notification.preferences.refused", fields);
	}

}
