package org.onestop.identity.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.onestop.identity.AccountSecurityChanged;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.StaffAccountChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Bearer tokens for the API: 256 random bits handed to the client once, kept only as a
 * SHA-256 so that a stolen database copy holds no usable token. Checked by primary-key
 * lookup, and the answer kept for a few seconds ({@code onestop.identity.token-cache},
 * default 10 s, 0 turns it off): a citizen's app sends bursts of requests, and at a
 * booking release the lookup was a query per request. The price is bounded staleness on
 * other nodes: a token revoked there, or an account disabled there, still works here
 * until its entry expires. This node forgets at once (sign-out here, any staff account
 * change, and a citizen's password reset or change and sign-out everywhere).
 */
@Component
public class ApiTokens {

	private final AccountStore accounts;

	private final Clock clock;

	private final Duration lifetime;

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, Resolved> recent;

	/**
	 * A lookup's answer, and until when the database said so; absent users are cached too
	 * (bad tokens repeat).
	 */
	private record Resolved(Optional<OneStopUser> user, Instant validUntil) {
	}

	ApiTokens(AccountStore accounts, Clock clock, @Value("${onestop.identity.token-lifetime:PT8H}") Duration lifetime,
			@Value("${onestop.identity.token-cache:PT10S}") Duration cached) {
		this.accounts = accounts;
		this.clock = clock;
		this.lifetime = lifetime;
		this.recent = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(cached).build();
	}

	/** A new token, handed to its holder once. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

	public IssuedToken issue(String username) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(lifetime);
		accounts.keepToken(hash(token), username, now, expiresAt);
		// Expired tokens are of no use to anyone; clearing them here keeps the table
		// small without a timer.
		accounts.forgetTokensExpiredBefore(now.minus(Duration.ofDays(1)));
		return new IssuedToken(token, expiresAt);
	}

	Optional<OneStopUser> resolve(String token) {
		String hash = hash(token);
		Instant now = clock.instant();
		Resolved known = recent.getIfPresent(hash);
		if (known != null && now.isBefore(known.validUntil())) {
			return known.user();
		}
		Optional<AccountStore.TokenHolder> holder = accounts.byTokenHash(hash, now);
		Optional<OneStopUser> user = holder.map(AccountStore.TokenHolder::user);
		recent.put(hash, new Resolved(user, holder.map(AccountStore.TokenHolder::expiresAt).orElse(Instant.MAX)));
		return user;
	}

	/**
	 * Revokes the token an {@code Authorization: Bearer} header carries; any other header
	 * is ignored.
	 */
	public void revokeBearer(String authorization) {
		if (authorization != null && authorization.length() > BearerTokenFilter.PREFIX.length()) {
			revoke(authorization.substring(BearerTokenFilter.PREFIX.length()).strip());
		}
	}

	void revoke(String token) {
		String hash = hash(token);
		recent.invalidate(hash);
		accounts.forgetToken(hash);
	}

	/**
	 * Roles and standing may have changed: this node asks the database again for every
	 * token.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(StaffAccountChanged change) {
		recent.invalidateAll();
	}

	/**
	 * A citizen's tokens may have been revoked (a password reset or changed, sign-out
	 * everywhere): this node asks the database again at once.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountSecurityChanged change) {
		recent.invalidateAll();
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
