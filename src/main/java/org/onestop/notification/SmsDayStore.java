package org.onestop.notification;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_sms_day} table: texts counted per phone and city day. */
@Repository
class SmsDayStore {

	// The row lock of the upsert serialises concurrent senders; at the limit the update
	// matches nothing and returns no row, so the count never passes the limit.
	private static final String COUNT = """
			INSERT INTO notification_sms_day AS d (phone, day, sent) VALUES (:phone, :day, 1)
			ON CONFLICT (phone, day) DO UPDATE SET sent = d.sent + 1 WHERE d.sent < :limit
			RETURNING sent""";

	private final JdbcClient db;

	SmsDayStore(JdbcClient db) {
		this.db = db;
	}

	/** Counts one text if the phone has one left on this day; false when it has none. */
	boolean count(String phone, LocalDate day, int limit) {
		if (limit <= 0) {
			return false;
		}
		return db.sql(COUNT)
			.param("phone", phone)
			.param("day", day)
			.param("limit", limit)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** Forgets the days before this one; answers how many rows went. */
	int purgeBefore(LocalDate day) {
		return db.sql("DELETE FROM notification_sms_day WHERE day < :day").param("day", day).update();
	}

	/** Texts counted for this phone on this day. */
	int sent(String phone, LocalDate day) {
		return db.sql("SELECT coalesce(sum(sent), 0) FROM notification_sms_day WHERE phone = :phone AND day = :day")
			.param("phone", phone)
			.param("day", day)
			.query(Integer.class)
			.single();
	}

}
