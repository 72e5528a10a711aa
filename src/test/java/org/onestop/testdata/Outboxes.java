package org.onestop.testdata;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What tests of "does this message reach the phone and the e-mail" need: a proved e-mail
 * for a person, the rows the outbox wrote, and a kind with SMS and e-mail templates where
 * no migration has seeded one yet (the templates of existing messages are seeded by
 * another part; a seeded kind is kept as it is).
 */
public final class Outboxes {

	private Outboxes() {
	}

	/** Gives the person a proved e-mail address (and Chinese as their language). */
	public static void proveEmail(JdbcClient db, String username, String email) {
		db.sql("""
				INSERT INTO notification_contact (username, language, email, email_verified_at) VALUES (:u, 'zh', :e, now())
				ON CONFLICT (username) DO UPDATE SET email = :e, email_verified_at = now()""")
			.param("u", username)
			.param("e", email)
			.update();
	}

	/**
	 * Makes sure the kind exists with an SMS and an e-mail template in both languages.
	 */
	public static void ensureKind(JdbcClient db, String template, String topic) {
		db.sql("""
				INSERT INTO notification_kind (template, fields, topic) VALUES (:t, ARRAY[]::text[], :topic)
				ON CONFLICT (template) DO NOTHING""").param("t", template).param("topic", topic).update();
		for (String channel : new String[] { "SMS", "EMAIL" }) {
			for (String language : new String[] { "zh", "en" }) {
				db.sql("""
						INSERT INTO notification_template (template, channel, language, subject, body)
						VALUES (:t, :c, :l, :s, 'test') ON CONFLICT DO NOTHING""")
					.param("t", template)
					.param("c", channel)
					.param("l", language)
					.param("s", channel.equals("EMAIL") ? "test" : null)
					.update();
			}
		}
	}

	/** Rows written for this recipient, template, channel and address. */
	public static int rows(JdbcClient db, String recipient, String template, String channel, String address) {
		return db.sql("""
				SELECT count(*) FROM notification_outbox
				WHERE recipient = :r AND template = :t AND channel = :c AND address = :a AND status = 'CREATED'""")
			.param("r", recipient)
			.param("t", template)
			.param("c", channel)
			.param("a", address)
			.query(Integer.class)
			.single();
	}

}
