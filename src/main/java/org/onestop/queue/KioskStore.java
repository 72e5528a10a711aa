package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kiosk devices ({@code queue_kiosk}, by the SHA-256 of their token) and their tickets
 * per minute ({@code queue_kiosk_use}).
 */
@Component
class KioskStore {

	/**
	 * Raised only while under the limit, so two nodes cannot both take the last ticket of
	 * the minute.
	 */
	private static final String TAKE = """
			INSERT INTO queue_kiosk_use AS u (kiosk, window_start, tickets) VALUES (:kiosk, :now, 1)
			ON CONFLICT (kiosk) DO UPDATE SET
			    tickets = CASE WHEN u.window_start <= :expired THEN 1 ELSE u.tickets + 1 END,
			    window_start = CASE WHEN u.window_start <= :expired THEN :now ELSE u.window_start END
			WHERE u.window_start <= :expired OR u.tickets < :limit""";

	private final JdbcClient db;

	KioskStore(JdbcClient db) {
		this.db = db;
	}

	void add(UUID id, String hall, String name, byte[] tokenSha256, String by, Instant now) {
		db.sql("""
				INSERT INTO queue_kiosk (id, hall, name, token_sha256, created_by, created_at)
				VALUES (:id, :h, :name, :hash, :by, :now)""")
			.param("id", id)
			.param("h", hall)
			.param("name", name)
			.param("hash", tokenSha256)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Whether a device of the hall was revoked now (false when it was already, or is not
	 * the hall's).
	 */
	boolean revoke(String hall, UUID id, Instant now) {
		return db.sql("UPDATE queue_kiosk SET revoked_at = :now WHERE id = :id AND hall = :h AND revoked_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("h", hall)
			.update() > 0;
	}

	Optional<UUID> active(String hall, byte[] tokenSha256) {
		return db.sql("SELECT id FROM queue_kiosk WHERE token_sha256 = :hash AND hall = :h AND revoked_at IS NULL")
			.param("hash", tokenSha256)
			.param("h", hall)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Counts one ticket of the kiosk in the minute that started after
	 * {@code now - window}, unless {@code limit} were given out in it already; whether it
	 * was counted.
	 */
	boolean take(UUID kiosk, Instant now, Instant expired, int limit) {
		return db.sql(TAKE)
			.param("kiosk", kiosk)
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(expired))
			.param("limit", limit)
			.update() > 0;
	}

}
