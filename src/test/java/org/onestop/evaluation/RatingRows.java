package org.onestop.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ratings, their causes and follow-ups written straight into the tables, for tests of
 * what reads them (the ranking, the figures) apart from how ratings are given.
 */
public final class RatingRows {

	private final JdbcClient db;

	public RatingRows(JdbcClient db) {
		this.db = db;
	}

	/** A rating of a new service event, with its invitation. */
	public UUID rating(SubjectType type, String department, String serviceCode, String hall, String channel, int level,
			Instant at, boolean excluded, String... reasons) {
		String subject = UUID.randomUUID().toString();
		db.sql("""
				INSERT INTO rating_invitation (subject_type, subject_id, citizen, department, service_code, hall, channel,
				                               finished_at, invited_at)
				VALUES (:t, :s, :c, :d, :m, :h, :ch, :at, :at)""")
			.param("t", type.name())
			.param("s", subject)
			.param("c", "fixture-" + subject.substring(0, 8))
			.param("d", department)
			.param("m", serviceCode)
			.param("h", hall)
			.param("ch", channel)
			.param("at", Timestamp.from(at))
			.update();
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO rating (id, subject_type, subject_id, citizen, department, service_code, hall, channel, level,
				                    reasons, verified, given_through, created_at, changed_at, excluded)
				VALUES (:id, :t, :s, :c, :d, :m, :h, :ch, :level, :reasons, TRUE, 'WEB', :at, :at, :x)""")
			.param("id", id)
			.param("t", type.name())
			.param("s", subject)
			.param("c", "fixture-" + subject.substring(0, 8))
			.param("d", department)
			.param("m", serviceCode)
			.param("h", hall)
			.param("ch", channel)
			.param("level", level)
			.param("reasons", reasons)
			.param("at", Timestamp.from(at))
			.param("x", excluded)
			.update();
		return id;
	}

	public void cause(UUID rating, String kind, String key, String detail) {
		db.sql("INSERT INTO rating_cause (rating_id, kind, key, detail) VALUES (:r, :k, :key, :d::jsonb)")
			.param("r", rating)
			.param("k", kind)
			.param("key", key)
			.param("d", detail)
			.update();
	}

	/** A follow-up of a rating; null times for what has not happened. */
	public UUID followUp(UUID rating, String department, String status, Instant opened, Instant replyDue,
			Instant replied, String verdict, Instant verdictAt) {
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO follow_up (id, rating_id, department, status, opened_at, contact_due, reply_due, warn_at,
				                       replied_at, citizen_verdict, verdict_at)
				VALUES (:id, :r, :d, :s, :o, :o, :due, :due, :replied, :v, :vat)""")
			.param("id", id)
			.param("r", rating)
			.param("d", department)
			.param("s", status)
			.param("o", Timestamp.from(opened))
			.param("due", Timestamp.from(replyDue))
			.param("replied", replied == null ? null : Timestamp.from(replied))
			.param("v", verdict)
			.param("vat", verdictAt == null ? null : Timestamp.from(verdictAt))
			.update();
		return id;
	}

}
