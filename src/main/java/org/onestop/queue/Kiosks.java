package org.onestop.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.Halls;
import org.onestop.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kiosk devices of a hall. A device holds a random token, shown once when it is registered; the database keeps only
 * its SHA-256, so a copy of the database lets nobody pose as a kiosk.
 */
@Component
class Kiosks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient db;
	private final Halls halls;
	private final Clock clock;

	Kiosks(JdbcClient db, Halls halls, Clock clock) {
		this.db = db;
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
		db.sql("""
				INSERT INTO queue_kiosk (id, hall, name, token_sha256, created_by, created_at)
				VALUES (:id, :h, :name, :hash, :by, :now)""")
			.param("id", id).param("h", hall).param("name", name.strip()).param("hash", sha256(token)).param("by", by)
			.param("now", Timestamp.from(clock.instant())).update();
		return new Registered(id, token);
	}

	boolean revoke(String hall, UUID id) {
		return db.sql("UPDATE queue_kiosk SET revoked_at = :now WHERE id = :id AND hall = :h AND revoked_at IS NULL")
			.param("now", Timestamp.from(clock.instant())).param("id", id).param("h", hall).update() > 0;
	}

	/** The kiosk this token belongs to, when it is registered to this hall and not revoked. */
	Optional<UUID> of(String hall, String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return db.sql("SELECT id FROM queue_kiosk WHERE token_sha256 = :hash AND hall = :h AND revoked_at IS NULL")
			.param("hash", sha256(token.strip())).param("h", hall).query(UUID.class).optional();
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
