package org.onestop.identity.signin;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every typed username leaves rows in the sign-in counters, and an attack types many: the
 * scheduled purge removes those that tell nothing any more, and nothing that still does.
 */
@IntegrationTest
class SignInPurgeIntegrationTests {

	@Autowired
	JdbcClient db;

	@Autowired
	SignInAttempts attempts;

	@Test
	void expiredCountersGoAndLiveOnesStay() {
		db.sql("""
				INSERT INTO identity_sign_in_failure (username, client, failures, locked_until, updated_at) VALUES
				    ('purge.old', '10.46.0.1', 3, NULL, now() - interval '25 hours'),
				    ('purge.lock.over', '10.46.0.1', 5, now() - interval '20 hours', now() - interval '25 hours'),
				    ('purge.locked', '10.46.0.1', 5, now() + interval '10 minutes', now() - interval '25 hours'),
				    ('purge.fresh', '10.46.0.1', 3, NULL, now() - interval '23 hours')""").update();
		db.sql("""
				INSERT INTO identity_sign_in_backoff (username, failures, last_failure_at, not_before) VALUES
				    ('purge.old', 12, now() - interval '25 hours', NULL),
				    ('purge.fresh', 12, now() - interval '23 hours', NULL)""").update();
		db.sql("""
				INSERT INTO identity_sign_in_address (username, client, last_success_at) VALUES
				    ('purge.old', '10.46.0.1', now() - interval '31 days'),
				    ('purge.fresh', '10.46.0.1', now() - interval '29 days')""").update();

		attempts.purge();

		assertThat(names("SELECT username FROM identity_sign_in_failure WHERE username LIKE 'purge.%'"))
			.containsExactlyInAnyOrder("purge.locked", "purge.fresh");
		assertThat(names("SELECT username FROM identity_sign_in_backoff WHERE username LIKE 'purge.%'"))
			.containsExactly("purge.fresh");
		assertThat(names("SELECT username FROM identity_sign_in_address WHERE username LIKE 'purge.%'"))
			.containsExactly("purge.fresh");
	}

	private List<String> names(String sql) {
		return db.sql(sql).query(String.class).list();
	}

}
