package org.onestop.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.Halls;
import org.onestop.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Kiosk devices of a hall. A device holds a random token, shown once when it is
 * registered; the database keeps only its SHA-256, so a copy of the database lets nobody
 * pose as a kiosk.
 */
@Component
class Kiosks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KioskStore store;

	private final Halls halls;

	private final Clock clock;

	Kiosks(KioskStore store, Halls halls, Clock clock) {
		this.store = store;
		this.halls = halls;
		this.clock = clock;
	}

	record Registered(UUID id, String token) {
	}

	Registered register(String hall, String name, String by) {
		halls.layout(hall);
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name", "queue.kiosk.name.required");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		store.add(id, hall, name.strip(), sha256(token), by, clock.instant());
		return new Registered(id, token);
	}

	boolean revoke(String hall, UUID id) {
		return store.revoke(hall, id, clock.instant());
	}

	/**
	 * The kiosk this token belongs to, when it is registered to this hall and not
	 * revoked.
	 */
	Optional<UUID> of(String hall, String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return store.active(hall, sha256(token.strip()));
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
