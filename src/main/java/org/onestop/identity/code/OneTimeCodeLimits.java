package org.onestop.identity.code;

import java.util.Locale;

import org.onestop.platform.LimitExceededException;
import org.springframework.stereotype.Component;

/**
 * What one-time codes may cost: codes asked for per subject (ID number or username) an
 * hour and a day, tries per subject and client address a day, tries per client address an
 * hour. The codes a day (10) times the tries a code allows (5) bound the guesses at one
 * subject to 50 a day, from however many addresses. The daily tries are counted per
 * subject and address, not per subject: counted per subject, anyone could spend a
 * victim's tries with wrong guesses and lock the victim out of their real code all day.
 * Without the address limit every confirmation endpoint would be a free BCrypt for
 * anyone. All are counted before anything is looked up, so that a refusal says nothing
 * about who is a resident or has an account; all are shared by every node
 * ({@link RequestCounts}).
 */
@Component
public class OneTimeCodeLimits {

	private final RequestCounts counts;

	private final OneTimeCodeProperties settings;

	OneTimeCodeLimits(RequestCounts counts, OneTimeCodeProperties settings) {
		this.counts = counts;
		this.settings = settings;
	}

	/**
	 * Counts one request for a code for this subject, or refuses it with 429 past the
	 * hour's or the day's limit.
	 */
	public void request(CodePurpose purpose, String subject) {
		String scope = purpose.name().toLowerCase(Locale.ROOT) + "-code";
		if (!counts.within(scope, subject, settings.perSubjectPerHour(), RequestCounts.HOUR)) {
			throw new LimitExceededException("identity.code.too-many");
		}
		if (!counts.within(scope + "-day", subject, settings.perSubjectPerDay(), RequestCounts.DAY)) {
			throw new LimitExceededException("identity.code.too-many-today");
		}
	}

	/**
	 * Counts one request for an unlock code from this address, or refuses it with 429
	 * past the hour's limit.
	 */
	public void unlockRequestFrom(String client) {
		if (!counts.within("unlock-code-address", client, settings.perAddressPerHour(), RequestCounts.HOUR)) {
			throw new LimitExceededException("identity.code.too-many");
		}
	}

	/**
	 * Counts one request for a code of this purpose from this address, or refuses it with
	 * 429 past the hour's limit.
	 */
	public void requestFrom(CodePurpose purpose, String client) {
		String scope = purpose.name().toLowerCase(Locale.ROOT) + "-code-address";
		if (!counts.within(scope, client, settings.perAddressPerHour(), RequestCounts.HOUR)) {
			throw new LimitExceededException("identity.code.too-many");
		}
	}

	/**
	 * Counts one code about to be texted to this phone, whatever it is for and however
	 * the account was named, and answers whether it is within the hour's and the day's
	 * limits. Not a refusal: it is counted only where an account has this phone, so the
	 * caller sends nothing and answers as always, which tells nobody the account exists.
	 */
	public boolean textTo(String phone) {
		return counts.within("phone-code", phone, settings.perSubjectPerHour(), RequestCounts.HOUR)
				&& counts.within("phone-code-day", phone, settings.perSubjectPerDay(), RequestCounts.DAY);
	}

	/**
	 * Counts one check of the account's current password by its signed-in holder (a
	 * stolen session must not become a way to guess it), or refuses it with 429 past the
	 * hour's limit.
	 */
	public void passwordCheck(String username) {
		if (!counts.within("password-check", username, settings.attempts() * 2, RequestCounts.HOUR)) {
			throw new LimitExceededException("identity.password.too-many-checks");
		}
	}

	/**
	 * Counts one try at any code from this address, or refuses it with 429 past the
	 * hour's limit.
	 */
	public void tryFrom(String client) {
		if (!counts.within("code-try-address", client, settings.triesPerAddressPerHour(), RequestCounts.HOUR)) {
			throw new LimitExceededException("identity.code.too-many-tries");
		}
	}

	/**
	 * Counts one try at this subject's code from this address, right or wrong, before it
	 * is checked (so parallel tries cannot all pass a count read before any of them), or
	 * refuses it with 429 past the day's limit. Tries from other addresses do not count:
	 * one address's wrong guesses cannot refuse the subject's own real code elsewhere.
	 */
	void tryAt(CodePurpose purpose, String subject, String client) {
		String scope = purpose.name().toLowerCase(Locale.ROOT) + "-try-address-day";
		if (!counts.within(scope, subject + " " + client, settings.triesPerSubjectAndAddressPerDay(),
				RequestCounts.DAY)) {
			throw new LimitExceededException("identity.code.tries-today");
		}
	}

}
