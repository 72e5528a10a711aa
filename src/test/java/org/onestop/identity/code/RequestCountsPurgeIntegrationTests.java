package org.onestop.identity.code;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ID number, username and address asked about leaves a counter: the purge removes
 * those past a day.
 */
@IntegrationTest
class RequestCountsPurgeIntegrationTests {

	@Autowired
	JdbcClient db;

	@Autowired
	RequestCounts counts;

	@Test
	void expiredCountsGoAndLiveOnesStay() {
		db.sql("""
				INSERT INTO identity_hourly_count (scope, key, window_start, count) VALUES
				    ('purge-test', 'purge.old', now() - interval '25 hours', 3),
				    ('purge-test', 'purge.fresh', now() - interval '23 hours', 3)""").update();

		counts.purge();

		assertThat(names("SELECT key FROM identity_hourly_count WHERE scope = 'purge-test'"))
			.containsExactly("purge.fresh");
	}

	private List<String> names(String sql) {
		return db.sql(sql).query(String.class).list();
	}

}
