package org.onestop.identity.code;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The demo's texts as they would have been sent, the latest per purpose and subject
 * (outside production only).
 */
@Repository
@Profile("!prod")
class DemoTextStore {

	private static final String KEEP = """
			INSERT INTO identity_demo_text_message (purpose, subject, shown_as, phone_masked, code, sent_at, expires_at)
			VALUES (:purpose, :subject, :shownAs, :phone, :code, :sentAt, :expires)
			ON CONFLICT (purpose, subject) DO UPDATE SET shown_as = EXCLUDED.shown_as, phone_masked = EXCLUDED.phone_masked,
			    code = EXCLUDED.code, sent_at = EXCLUDED.sent_at, expires_at = EXCLUDED.expires_at""";

	// Only codes that still work: not expired, not spent, not void after their last try.
	private static final String LIVE = """
			SELECT t.purpose, t.shown_as, t.phone_masked, t.code, t.sent_at, t.expires_at
			FROM identity_demo_text_message t
			JOIN identity_one_time_code c ON c.purpose = t.purpose AND c.subject = t.subject
			WHERE t.expires_at > :now AND c.expires_at > :now AND c.attempts_left > 0
			ORDER BY t.sent_at DESC LIMIT 200""";

	private final JdbcClient db;

	DemoTextStore(JdbcClient db) {
		this.db = db;
	}

	/** Keeps a text, replacing the earlier one of the same purpose and subject. */
	void keep(CodePurpose purpose, String subject, String shownAs, String maskedPhone, String code, Instant sentAt,
			Instant expiresAt) {
		db.sql(KEEP)
			.param("purpose", purpose.name())
			.param("subject", subject)
			.param("shownAs", shownAs)
			.param("phone", maskedPhone)
			.param("code", code)
			.param("sentAt", Timestamp.from(sentAt))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/** The texts whose codes could still be used at {@code now}, newest first. */
	List<DemoText> live(Instant now) {
		return db.sql(LIVE)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new DemoText(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
			.list();
	}

}
