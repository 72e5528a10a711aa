package org.onestop.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Six-digit codes from {@link SecureRandom} sent to a verified phone, one live code per purpose and subject (a new
 * one replaces it), kept only as a BCrypt hash, valid for a short time and a few tries. BCrypt rather than a fast
 * hash because a million possible codes would otherwise fall to a copy of the table at once; and because issuing a
 * code and {@link #decoy() not issuing one} then take the same time.
 */
@Component
class OneTimeCodes {

	private static final String ISSUE = """
			INSERT INTO identity_one_time_code (purpose, subject, code_hash, phone, display_name, expires_at, attempts_left)
			VALUES (:purpose, :subject, :hash, :phone, :name, :expires, :attempts)
			ON CONFLICT (purpose, subject) DO UPDATE SET code_hash = EXCLUDED.code_hash, phone = EXCLUDED.phone,
			    display_name = EXCLUDED.display_name, expires_at = EXCLUDED.expires_at, attempts_left = EXCLUDED.attempts_left""";

	// Takes one try atomically, committed at once: parallel tries each cost one, and no more than the code has.
	private static final String TAKE_TRY = """
			UPDATE identity_one_time_code SET attempts_left = attempts_left - 1
			WHERE purpose = :purpose AND subject = :subject AND expires_at > :now AND attempts_left > 0
			RETURNING code_hash, phone, display_name""";

	// Only the code that was checked: a parallel right try, or a newer code, wins instead.
	private static final String SPEND = """
			DELETE FROM identity_one_time_code WHERE purpose = :purpose AND subject = :subject AND code_hash = :hash""";

	private static final String FORGET_EXPIRED = "DELETE FROM identity_one_time_code WHERE expires_at < :cutoff";

	private final JdbcClient db;
	private final PasswordEncoder hashes;
	private final CodeSender sender;
	private final Clock clock;
	private final OneTimeCodeProperties settings;
	private final TransactionTemplate transactions;
	private final OneTimeCodeLimits limits;
	private final SecureRandom random = new SecureRandom();
	private final String decoyHash;

	OneTimeCodes(JdbcClient db, PasswordEncoder hashes, CodeSender sender, Clock clock, OneTimeCodeProperties settings,
			TransactionTemplate transactions, OneTimeCodeLimits limits) {
		this.db = db;
		this.hashes = hashes;
		this.sender = sender;
		this.clock = clock;
		this.settings = settings;
		this.transactions = transactions;
		this.limits = limits;
		this.decoyHash = hashes.encode("000000");
	}

	/** What a spent code vouched for. */
	record Redeemed(String phone, String displayName) {
	}

	/**
	 * Makes a new code for the subject (replacing any live one) and sends it to the phone. The hash is made before
	 * the transaction, so that no pooled connection waits on BCrypt.
	 */
	public void issue(CodePurpose purpose, String subject, String phone, String displayName) {
		String code = "%06d".formatted(random.nextInt(1_000_000));
		String hash = hashes.encode(code);
		Instant now = clock.instant();
		Instant expires = now.plus(settings.lifetime());
		transactions.executeWithoutResult(status -> {
			db.sql(FORGET_EXPIRED).param("cutoff", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
			db.sql(ISSUE)
				.param("purpose", purpose.name()).param("subject", subject).param("hash", hash)
				.param("phone", phone).param("name", displayName).param("expires", Timestamp.from(expires))
				.param("attempts", settings.attempts())
				.update();
			sender.send(new CodeSender.TextedCode(phone, purpose, subject, code, expires));
		});
	}

	/** Spends the time that issuing a code takes, when there is nobody to send one to. */
	public void decoy() {
		hashes.encode("%06d".formatted(random.nextInt(1_000_000)));
	}

	/**
	 * Checks a code: a right one is spent and answers what it vouched for; a wrong one costs one of its tries. Each
	 * statement commits on its own (no transaction): the try counts even when the caller's work fails afterwards,
	 * and no connection is held while BCrypt compares. Every try, with or without a live code, also counts against
	 * the tries of the day at this subject from this client address, and past them is refused (429) without a look
	 * at the code.
	 */
	public Optional<Redeemed> redeem(CodePurpose purpose, String subject, String code, String client) {
		limits.tryAt(purpose, subject, client);
		Optional<StoredTry> stored = db.sql(TAKE_TRY)
			.param("purpose", purpose.name()).param("subject", subject).param("now", Timestamp.from(clock.instant()))
			.query((rs, row) -> new StoredTry(rs.getString(1), new Redeemed(rs.getString(2), rs.getString(3))))
			.optional();
		// No live code and a wrong code take the same time.
		boolean right = hashes.matches(code == null ? "" : code, stored.map(StoredTry::hash).orElse(decoyHash))
				&& stored.isPresent();
		if (!right) {
			return Optional.empty();
		}
		int spent = db.sql(SPEND).param("purpose", purpose.name()).param("subject", subject)
			.param("hash", stored.get().hash()).update();
		return spent == 1 ? stored.map(StoredTry::vouched) : Optional.empty();
	}

	private record StoredTry(String hash, Redeemed vouched) {
	}
}
