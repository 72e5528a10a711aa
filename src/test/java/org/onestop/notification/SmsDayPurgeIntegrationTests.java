package org.onestop.notification;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.PlatformProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Daily text counts are forgotten once their day is two days past. */
@IntegrationTest
class SmsDayPurgeIntegrationTests {

	@Autowired
	SmsDayPurge purge;

	@Autowired
	SmsDayStore days;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Autowired
	PlatformProperties platform;

	@Test
	void daysOlderThanTwoAreForgottenTheRestKept() {
		String phone = "198" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
		LocalDate today = LocalDate.now(clock.withZone(platform.timeZone()));
		for (int back = 0; back <= 4; back++) {
			db.sql("INSERT INTO notification_sms_day (phone, day, sent) VALUES (:p, :d, 1)")
				.param("p", phone)
				.param("d", Date.valueOf(today.minusDays(back)))
				.update();
		}
		db.sql("INSERT INTO notification_sms_day (phone, day, sent) VALUES (:p, :d, 1)")
			.param("p", phone)
			.param("d", Date.valueOf(today.plusDays(1)))
			.update();
		assertThat(purge.purge()).isGreaterThanOrEqualTo(2);
		for (int back = -1; back <= 4; back++) {
			assertThat(days.sent(phone, today.minusDays(back))).as("%d days back", back).isEqualTo(back <= 2 ? 1 : 0);
		}
	}

}
