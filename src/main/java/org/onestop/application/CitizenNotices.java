package org.onestop.application;

import org.springframework.stereotype.Component;

/** Tells the citizen (their OneStop inbox) about a change to their application that needs them. */
@Component
class CitizenNotices {

	void citizen(Application application, String kind, String subjectKey, Object... args) {
		// Wired to the notification module's inbox when it lands (same transaction).
	}

	void staff(String username, Application application, String kind, String subjectKey, Object... args) {
	}
}
