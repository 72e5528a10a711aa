package org.onestop.queue;

import java.sql.Timestamp;
import java.time.Clock;

import org.onestop.appointment.Halls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The languages a hall's board calls numbers in ({@code queue_hall_screen}): Chinese
 * always, English too where the hall says so. Read from the database on each board
 * render, so every node speaks alike the moment it is changed.
 */
@Component
class HallScreenStore {

	private final JdbcClient db;

	private final Halls halls;

	private final Clock clock;

	HallScreenStore(JdbcClient db, Halls halls, Clock clock) {
		this.db = db;
		this.halls = halls;
		this.clock = clock;
	}

	boolean callsInEnglish(String hall) {
		return db.sql("SELECT calls_in_english FROM queue_hall_screen WHERE hall = :h")
			.param("h", hall)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Sets whether the hall's board also calls in English; 404 for an unknown hall. */
	void callInEnglish(String hall, boolean english) {
		halls.layout(hall);
		db.sql("""
				INSERT INTO queue_hall_screen (hall, calls_in_english, updated_at) VALUES (:h, :english, :now)
				ON CONFLICT (hall) DO UPDATE SET calls_in_english = EXCLUDED.calls_in_english, updated_at = EXCLUDED.updated_at""")
			.param("h", hall)
			.param("english", english)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

}
