package org.onestop.application;

import org.springframework.stereotype.Component;

/** Issues the e-certificate of an approved application into the citizen's vault. */
@Component
class Issuing {

	void issue(Application application) {
		// Wired to the certificate module when it lands.
	}
}
