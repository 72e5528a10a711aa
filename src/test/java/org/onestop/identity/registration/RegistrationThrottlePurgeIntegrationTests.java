package org.onestop.identity.registration;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every address that tried to register leaves a row: the purge removes those whose hour
 * is over.
 */
@IntegrationTest
class RegistrationThrottlePurgeIntegrationTests {

	@Autowired
	JdbcClient db;

	@Autowired
	RegistrationThrottle throttle;

	@Test
	void overHoursGoAndLiveOnesStay() {
		db.sql("""
				INSERT INTO identity_registration_attempt (client, window_start, attempts) VALUES
				    ('10.46.0.1', now() - interval '61 minutes', 3),
				    ('10.46.0.2', now() - interval '59 minutes', 3)""").update();

		throttle.purge();

		assertThat(names("SELECT client FROM identity_registration_attempt WHERE client LIKE '10.46.0.%'"))
			.containsExactly("10.46.0.2");
	}

	private List<String> names(String sql) {
		return db.sql(sql).query(String.class).list();
	}

}
