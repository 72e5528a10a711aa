package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_contact} table: the language a person reads messages in and the
 * e-mail address they gave, proved or not.
 */
@Repository
class ContactStore {

	private static final String DETAILS = """
			SELECT language, email, email_verified_at IS NOT NULL AS proved FROM notification_contact
			WHERE username = :username""";

	// One row always, whether or not the person has a contact row or made choices.
	private static final String FOR_TOPIC = """
			SELECT coalesce(c.language, 'zh') AS language,
			    CASE WHEN c.email_verified_at IS NOT NULL THEN c.email END AS email,
			    (SELECT enabled FROM notification_preference p
			     WHERE p.username = u.username AND p.topic = :topic AND p.channel = 'SMS') AS sms,
			    (SELECT enabled FROM notification_preference p
			     WHERE p.username = u.username AND p.topic = :topic AND p.channel = 'EMAIL') AS mail
			FROM (SELECT CAST(:username AS text) AS username) u
			LEFT JOIN notification_contact c ON c.username = u.username""";

	// Also the row lock that serialises one person's changes across nodes.
	private static final String HOLD = """
			INSERT INTO notification_contact AS c (username, updated_at) VALUES (:username, :now)
			ON CONFLICT (username) DO UPDATE SET updated_at = EXCLUDED.updated_at""";

	private static final String SET_LANGUAGE = """
			UPDATE notification_contact SET language = :language, updated_at = :now WHERE username = :username""";

	// A new address is unproved; the same address keeps its proof.
	private static final String SET_EMAIL = """
			UPDATE notification_contact SET
			    email_verified_at = CASE WHEN email = :email THEN email_verified_at END,
			    email = :email, updated_at = :now
			WHERE username = :username""";

	private static final String PROVE = """
			UPDATE notification_contact SET email_verified_at = :now, updated_at = :now
			WHERE username = :username AND email = :email""";

	private final JdbcClient db;

	ContactStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * @param email the address given, proved or not, or null
	 */
	record Details(String language, String email, boolean proved) {

		static final Details NONE = new Details("zh", null, false);

	}

	/**
	 * What sending a message of one topic needs, in one query: the language, the proved
	 * address, and the person's choices for the topic (null where they made none).
	 */
	record ForTopic(String language, String email, Boolean sms, Boolean mail) {
	}

	ForTopic forTopic(String username, Topic topic) {
		return db.sql(FOR_TOPIC)
			.param("username", username)
			.param("topic", topic.name())
			.query((rs, row) -> new ForTopic(rs.getString("language"), rs.getString("email"),
					rs.getObject("sms", Boolean.class), rs.getObject("mail", Boolean.class)))
			.single();
	}

	Optional<Details> details(String username) {
		return db.sql(DETAILS)
			.param("username", username)
			.query((rs, row) -> new Details(rs.getString("language"), rs.getString("email"), rs.getBoolean("proved")))
			.optional();
	}

	/**
	 * Makes sure the person has a row and locks it until the transaction ends, so that
	 * one person's concurrent changes are checked one after the other.
	 */
	void hold(String username, Instant now) {
		db.sql(HOLD).param("username", username).param("now", Timestamp.from(now)).update();
	}

	/** Call after {@link #hold}. */
	void language(String username, String language, Instant now) {
		db.sql(SET_LANGUAGE)
			.param("username", username)
			.param("language", language)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Call after {@link #hold}. */
	void email(String username, String email, Instant now) {
		db.sql(SET_EMAIL).param("username", username).param("email", email).param("now", Timestamp.from(now)).update();
	}

	/** Proves the address, if it is still the one the person gave. */
	boolean prove(String username, String email, Instant now) {
		return db.sql(PROVE)
			.param("username", username)
			.param("email", email)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

}
