package org.onestop.identity.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The usernames with live sign-in locks, for administrators. An attacker can lock any
 * number of made-up usernames, so existing accounts come first and then the most recent,
 * and the list says how long it would have been: a flood of junk cannot push a real
 * account's lock out of sight (and any username can be unlocked by typing it).
 */
@Repository
class SignInLockQueries {

	static final int SHOWN = 500;

	private static final String LOCKS = """
			SELECT coalesce(f.username, b.username), coalesce(f.addresses, 0), f.until, coalesce(b.failures, 0),
			       b.not_before, a.id IS NOT NULL, count(*) OVER ()
			FROM (SELECT username, count(*) AS addresses, max(locked_until) AS until, max(updated_at) AS latest
			      FROM identity_sign_in_failure WHERE locked_until > :now GROUP BY username) f
			FULL JOIN (SELECT username, failures, not_before, last_failure_at FROM identity_sign_in_backoff
			           WHERE failures >= :after AND last_failure_at > :forgotten) b ON b.username = f.username
			LEFT JOIN identity_account a ON a.username = coalesce(f.username, b.username)
			ORDER BY a.id IS NOT NULL DESC, greatest(f.latest, b.last_failure_at) DESC, 1
			LIMIT :shown""";

	private final JdbcClient db;

	private final Clock clock;

	SignInLockQueries(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * At most {@value #SHOWN} usernames with a live address lock or back-off, and how
	 * many there are.
	 */
	SignInLocks locks() {
		Instant now = clock.instant();
		List<Row> rows = db.sql(LOCKS)
			.param("now", Timestamp.from(now))
			.param("after", SignInAttempts.BACKOFF_AFTER)
			.param("forgotten", Timestamp.from(now.minus(SignInAttempts.FORGET_AFTER)))
			.param("shown", SHOWN)
			.query((rs,
					row) -> new Row(new SignInLock(rs.getString(1), rs.getInt(2), instant(rs.getTimestamp(3)),
							rs.getInt(4), instant(rs.getTimestamp(5)), rs.getBoolean(6)), rs.getInt(7)))
			.list();
		return new SignInLocks(rows.stream().map(Row::lock).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
	}

	private record Row(SignInLock lock, int total) {
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
