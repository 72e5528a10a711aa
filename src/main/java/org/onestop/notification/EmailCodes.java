package org.onestop.notification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.LimitExceededException;
import org.onestop.platform.PlatformProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proving a citizen's e-mail address: the address they give is kept unproved and a
 * 6-digit code is e-mailed to it; the right code proves it. Until then it receives
 * nothing but codes. Codes are kept as BCrypt hashes (a million possible codes fall to a
 * fast hash at once), live for a short time and a few tries, and are limited per day.
 */
@Service
class EmailCodes {

	static final String TEMPLATE = "notification.email.verify-code";

	private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private final ContactStore contacts;

	private final EmailCodeStore codes;

	private final Outbox outbox;

	private final PasswordEncoder hashes;

	private final TransactionTemplate transactions;

	private final EmailCodeProperties settings;

	private final ZoneId city;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	EmailCodes(ContactStore contacts, EmailCodeStore codes, Outbox outbox, PasswordEncoder hashes,
			TransactionTemplate transactions, EmailCodeProperties settings, PlatformProperties platform, Clock clock) {
		this.contacts = contacts;
		this.codes = codes;
		this.outbox = outbox;
		this.hashes = hashes;
		this.transactions = transactions;
		this.settings = settings;
		this.city = platform.timeZone();
		this.clock = clock;
	}

	/**
	 * Keeps the address as the person's (unproved, unless it is the proved one already)
	 * and e-mails a code to it.
	 * @return the address as kept
	 */
	String request(String username, String typed) {
		String email = typed == null ? "" : typed.strip();
		if (email.isEmpty()) {
			throw new InvalidInputException("email", "notification.email.required");
		}
		if (email.length() > 254 || !ADDRESS.matcher(email).matches()) {
			throw new InvalidInputException("email", "notification.email.format");
		}
		ContactStore.Details now = contacts.details(username).orElse(ContactStore.Details.NONE);
		if (now.proved() && email.equalsIgnoreCase(now.email())) {
			throw new InvalidInputException("email", "notification.email.same");
		}
		if (codes.spentFor(username, clock.instant().atZone(city).toLocalDate(), settings.perDay())) {
			throw new LimitExceededException("notification.email.too-many");
		}
		String code = "%06d".formatted(random.nextInt(1_000_000));
		// Hashed before the transaction: BCrypt's pause holds no pooled connection.
		String hash = hashes.encode(code);
		Instant at = clock.instant();
		transactions.executeWithoutResult(status -> {
			contacts.hold(username, at);
			if (!codes.issue(username, email, hash, at.plus(settings.lifetime()), settings.tries(),
					at.atZone(city).toLocalDate(), settings.perDay())) {
				throw new LimitExceededException("notification.email.too-many");
			}
			contacts.email(username, email, at);
			String language = contacts.details(username).map(ContactStore.Details::language).orElse("zh");
			outbox.mail(username, email, TEMPLATE, List.of(code, String.valueOf(settings.lifetime().toMinutes())),
					Locale.forLanguageTag(language), true);
		});
		return email;
	}

	/**
	 * Proves the address the live code was sent to, if the code is right. A wrong,
	 * expired, spent or never-sent code and a code past its tries get the same answer.
	 */
	void confirm(String username, String typed) {
		String code = typed == null ? "" : typed.strip();
		if (!code.matches("\\d{6}")) {
			throw new InvalidInputException("code", "notification.email.code.format");
		}
		Instant at = clock.instant();
		// The try is counted on its own, committed whatever the outcome.
		EmailCodeStore.Live live = codes.attempt(username, at)
			.orElseThrow(() -> new InvalidInputException("code", "notification.email.code.wrong"));
		if (!hashes.matches(code, live.hash())) {
			throw new InvalidInputException("code", "notification.email.code.wrong");
		}
		Boolean proved = transactions
			.execute(status -> codes.spend(username, live.hash(), at) && contacts.prove(username, live.email(), at));
		if (!Boolean.TRUE.equals(proved)) {
			throw new InvalidInputException("code", "notification.email.code.wrong");
		}
	}

}
