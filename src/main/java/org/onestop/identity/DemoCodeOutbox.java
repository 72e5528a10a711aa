package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's stand-in for the SMS gateway (outside production only): each code is kept, as it would have been
 * texted, for administrators to read at {@code /admin/demo/codes}. The latest code per purpose and subject
 * replaces the earlier one, as on the phone it would make the earlier one useless; a spent or void code is not
 * shown.
 */
@Component
@Profile("!prod")
class DemoCodeOutbox implements CodeSender {

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
	private final Clock clock;

	DemoCodeOutbox(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	public void send(TextedCode code) {
		String shownAs = code.purpose() == CodePurpose.REGISTRATION ? new ResidentIdNumber(code.subject()).masked()
				: code.subject();
		db.sql(KEEP)
			.param("purpose", code.purpose().name()).param("subject", code.subject()).param("shownAs", shownAs)
			.param("phone", code.maskedPhone()).param("code", code.code())
			.param("sentAt", Timestamp.from(clock.instant())).param("expires", Timestamp.from(code.expiresAt()))
			.update();
	}

	/** The codes that could still be used, newest first. */
	List<IdentityPages.DemoText> live() {
		return db.sql(LIVE)
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, row) -> new IdentityPages.DemoText(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
			.list();
	}
}
