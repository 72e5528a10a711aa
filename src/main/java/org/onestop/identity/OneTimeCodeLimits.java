package org.onestop.identity;

import java.util.Locale;

import org.onestop.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What one-time codes may cost: codes asked for per subject (ID number or username) an hour and a day, tries per
 * subject a day, tries per client address an hour. Without the daily limits five codes an hour with five tries each
 * would give 600 guesses a day at one subject; without the address limit every confirmation endpoint would be a
 * free BCrypt for anyone. All are counted before anything is looked up, so that a refusal says nothing about who is
 * a resident or has an account; all are shared by every node ({@link RequestCounts}).
 */
@Component
class OneTimeCodeLimits {

	private final RequestCounts counts;
	private final OneTimeCodeProperties settings;

	OneTimeCodeLimits(RequestCounts counts, OneTimeCodeProperties settings) {
		this.counts = counts;
		this.settings = settings;
	}

	/** Counts one request for a code for this subject, or refuses it with 429 past the hour's or the day's limit. */
	void request(CodePurpose purpose, String subject) {
		String scope = purpose.name().toLowerCase(Locale.ROOT) + "-code";
		if (!counts.within(scope, subject, settings.perSubjectPerHour(), RequestCounts.HOUR)) {
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "identity.code.too-many");
		}
		if (!counts.within(scope + "-day", subject, settings.perSubjectPerDay(), RequestCounts.DAY)) {
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "identity.code.too-many-today");
		}
	}

	/** Counts one try at any code from this address, or refuses it with 429 past the hour's limit. */
	void tryFrom(String client) {
		if (!counts.within("code-try-address", client, settings.triesPerAddressPerHour(), RequestCounts.HOUR)) {
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "identity.code.too-many-tries");
		}
	}

	/**
	 * Counts one try at this subject's code, right or wrong, before it is checked (so parallel tries cannot all pass
	 * a count read before any of them), or refuses it with 429 past the day's limit.
	 */
	void tryAt(CodePurpose purpose, String subject) {
		String scope = purpose.name().toLowerCase(Locale.ROOT) + "-try-day";
		if (!counts.within(scope, subject, settings.triesPerSubjectPerDay(), RequestCounts.DAY)) {
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "identity.code.tries-today");
		}
	}
}
