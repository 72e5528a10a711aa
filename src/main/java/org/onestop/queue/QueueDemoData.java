package org.onestop.queue;

import org.onestop.appointment.Halls;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo halls' further priority groups (expectant mothers and veterans), and the city
 * centre's board calling in English too. Loaded once, whatever the nodes.
 */
@Component
@Profile("!prod")
@Order(31)
class QueueDemoData implements ApplicationRunner {

	private final JdbcClient db;

	private final Halls halls;

	QueueDemoData(JdbcClient db, Halls halls) {
		this.db = db;
		this.halls = halls;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String hall : halls.codes()) {
			add(hall, "PREGNANT", "孕妇", "Expectant mothers");
			add(hall, "VETERAN", "军人和退役军人", "Service members and veterans");
		}
		// The city centre sees visitors from abroad: its board calls in English too.
		if (halls.codes().contains("HALL-CITY")) {
			db.sql("""
					INSERT INTO queue_hall_screen (hall, calls_in_english, updated_at) VALUES (:h, :english, now())
					ON CONFLICT DO NOTHING""").param("h", "HALL-CITY").param("english", true).update();
		}
	}

	private void add(String hall, String code, String zh, String en) {
		db.sql("INSERT INTO queue_priority_group (hall, code, name_zh, name_en) VALUES (:h, :c, :zh, :en) ON CONFLICT DO NOTHING")
			.param("h", hall)
			.param("c", code)
			.param("zh", zh)
			.param("en", en)
			.update();
	}

}
