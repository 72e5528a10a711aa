package org.onestop.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for the API: 256 random bits handed to the client once, kept only as a SHA-256 so
 * that a stolen database copy holds no usable token. Checked per request by primary-key lookup.
 */
@Component
class ApiTokens {

	private final JdbcClient db;
	private final Accounts accounts;
	private final Clock clock;
	private final Duration lifetime;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient db, Accounts accounts, Clock clock,
			@Value("${onestop.identity.token-lifetime:PT8H}") Duration lifetime) {
		this.db = db;
		this.accounts = accounts;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	record IssuedToken(String token, Instant expiresAt) {
	}

	IssuedToken issue(String username) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(lifetime);
		db.sql("""
				INSERT INTO identity_api_token (token_hash, account_id, issued_at, expires_at)
				SELECT :hash, id, :now, :expires FROM identity_account WHERE username = :username""")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.param("username", username)
			.update();
		// Expired tokens are of no use to anyone; clearing them here keeps the table small without a timer.
		db.sql("DELETE FROM identity_api_token WHERE expires_at < :cutoff")
			.param("cutoff", Timestamp.from(now.minus(Duration.ofDays(1))))
			.update();
		return new IssuedToken(token, expiresAt);
	}

	Optional<OneStopUser> resolve(String token) {
		return accounts.byTokenHash(hash(token), clock.instant());
	}

	void revoke(String token) {
		db.sql("DELETE FROM identity_api_token WHERE token_hash = :hash").param("hash", hash(token)).update();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
