package org.onestop.identity.code;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Six-digit codes from {@link SecureRandom} sent to a verified phone, one live code per
 * purpose and subject (a new one replaces it), kept only as a BCrypt hash, valid for a
 * short time and a few tries. BCrypt rather than a fast hash because a million possible
 * codes would otherwise fall to a copy of the table at once; and because issuing a code
 * and {@link #decoy() not issuing one} then take the same time.
 */
@Component
public class OneTimeCodes {

	private final OneTimeCodeStore store;

	private final PasswordEncoder hashes;

	private final CodeSender sender;

	private final Clock clock;

	private final OneTimeCodeProperties settings;

	private final TransactionTemplate transactions;

	private final OneTimeCodeLimits limits;

	private final SecureRandom random = new SecureRandom();

	private final String decoyHash;

	OneTimeCodes(OneTimeCodeStore store, PasswordEncoder hashes, CodeSender sender, Clock clock,
			OneTimeCodeProperties settings, TransactionTemplate transactions, OneTimeCodeLimits limits) {
		this.store = store;
		this.hashes = hashes;
		this.sender = sender;
		this.clock = clock;
		this.settings = settings;
		this.transactions = transactions;
		this.limits = limits;
		this.decoyHash = hashes.encode("000000");
	}

	/** What a spent code vouched for. */
	public record Redeemed(String phone, String displayName) {
	}

	/**
	 * Makes a new code for the subject (replacing any live one) and sends it to the
	 * phone. The hash is made before the transaction, so that no pooled connection waits
	 * on BCrypt.
	 */
	public void issue(CodePurpose purpose, String subject, String phone, String displayName) {
		String code = "%06d".formatted(random.nextInt(1_000_000));
		String hash = hashes.encode(code);
		Instant now = clock.instant();
		Instant expires = now.plus(settings.lifetime());
		transactions.executeWithoutResult(status -> {
			store.forgetExpiredBefore(now.minus(Duration.ofDays(1)));
			store.keep(purpose, subject, hash, phone, displayName, expires, settings.attempts());
			sender.send(new CodeSender.TextedCode(phone, purpose, subject, code, expires));
		});
	}

	/**
	 * Voids every other live code of this purpose for the same account (a reset asked for
	 * by phone and by username leaves two): once one is used, the others must not work.
	 */
	public void forgetVouchingFor(CodePurpose purpose, String displayName) {
		store.forgetVouchingFor(purpose, displayName);
	}

	/** Spends the time that issuing a code takes, when there is nobody to send one to. */
	public void decoy() {
		hashes.encode("%06d".formatted(random.nextInt(1_000_000)));
	}

	/**
	 * Checks a code: a right one is spent and answers what it vouched for; a wrong one
	 * costs one of its tries. Each statement commits on its own (no transaction): the try
	 * counts even when the caller's work fails afterwards, and no connection is held
	 * while BCrypt compares. Every try, with or without a live code, also counts against
	 * the tries of the day at this subject from this client address, and past them is
	 * refused (429) without a look at the code.
	 */
	public Optional<Redeemed> redeem(CodePurpose purpose, String subject, String code, String client) {
		limits.tryAt(purpose, subject, client);
		Optional<OneTimeCodeStore.StoredCode> stored = store.takeTry(purpose, subject, clock.instant());
		// No live code and a wrong code take the same time.
		boolean right = hashes.matches(code == null ? "" : code,
				stored.map(OneTimeCodeStore.StoredCode::hash).orElse(decoyHash)) && stored.isPresent();
		if (!right) {
			return Optional.empty();
		}
		return store.spend(purpose, subject, stored.get().hash()) ? stored.map(OneTimeCodeStore.StoredCode::vouched)
				: Optional.empty();
	}

}
