package org.onestop.evaluation.followup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onestop.evaluation.RatingGiven;
import org.onestop.evaluation.SubjectType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ratings for the follow-up tests, written as the rating part writes them (an invitation,
 * then the rating, then {@link RatingGiven} in the same transaction), so that these tests
 * stand on their own until that part lands.
 */
final class RatingFixtures {

	static final String MATTER = "CA-ELD-001";

	private final JdbcClient db;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RatingFixtures(JdbcClient db, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.db = db;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A first rating of a decided application, by this citizen (null: anonymous). */
	UUID rate(String citizen, String department, int level, boolean verified, String... reasons) {
		UUID id = UUID.randomUUID();
		String subject = "APP-" + UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		transactions.executeWithoutResult(status -> {
			db.sql("""
					INSERT INTO rating_invitation (subject_type, subject_id, citizen, department, service_code, channel,
					    finished_at, invited_at)
					VALUES ('APPLICATION', :subject, :citizen, :department, :matter, 'WEB', :now, :now)""")
				.param("subject", subject)
				.param("citizen", citizen)
				.param("department", department)
				.param("matter", MATTER)
				.param("now", now)
				.update();
			db.sql("""
					INSERT INTO rating (id, subject_type, subject_id, citizen, department, service_code, channel, level,
					    reasons, comment, verified, given_through, created_at, changed_at)
					VALUES (:id, 'APPLICATION', :subject, :citizen, :department, :matter, 'WEB', :level, CAST(:reasons AS text[]),
					    '窗口让我再交一次户口本', :verified, 'WEB', :now, :now)""")
				.param("id", id)
				.param("subject", subject)
				.param("citizen", citizen)
				.param("department", department)
				.param("matter", MATTER)
				.param("level", level)
				.param("reasons", "{" + String.join(",", reasons) + "}")
				.param("verified", verified)
				.param("now", now)
				.update();
			db.sql("""
					INSERT INTO rating_cause (rating_id, kind, key, detail) VALUES
					    (:id, 'RULE', 'CA-ELD-001-precheck:R3', '{}'),
					    (:id, 'REASON', 'DOCUMENTS_ALREADY_HELD', '{}')""").param("id", id).update();
			events.publishEvent(new RatingGiven(citizen == null ? "anonymous" : citizen, id, SubjectType.APPLICATION,
					subject, department, level, verified, false));
		});
		return id;
	}

	/** The citizen changes their rating. */
	void change(UUID ratingId, int level) {
		transactions.executeWithoutResult(status -> {
			var row = db.sql("""
					UPDATE rating SET level = :level, changed_at = :now, version = version + 1 WHERE id = :id
					RETURNING citizen, subject_id, department, verified""")
				.param("id", ratingId)
				.param("level", level)
				.param("now", Timestamp.from(clock.instant()))
				.query((rs, n) -> List.of(String.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						String.valueOf(rs.getBoolean(4))))
				.single();
			events.publishEvent(new RatingGiven(row.get(0), ratingId, SubjectType.APPLICATION, row.get(1), row.get(2),
					level, Boolean.parseBoolean(row.get(3)), true));
		});
	}

	/** Publishes the same event again, as a repeated delivery would. */
	void again(UUID ratingId, int level) {
		var row = db.sql("SELECT citizen, subject_id, department FROM rating WHERE id = :id")
			.param("id", ratingId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		transactions.executeWithoutResult(status -> events.publishEvent(new RatingGiven(row.get(0), ratingId,
				SubjectType.APPLICATION, row.get(1), row.get(2), level, true, false)));
	}

	/** The rating's follow-up: id, status; null when it has none. */
	List<String> followUp(UUID ratingId) {
		return db.sql("SELECT id::text, status FROM follow_up WHERE rating_id = :id")
			.param("id", ratingId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.optional()
			.orElse(null);
	}

	Instant column(String followUpId, String column) {
		// The column is one of a fixed few named by the tests.
		String sql = switch (column) {
			case "contact_due" -> "SELECT contact_due FROM follow_up WHERE id = CAST(:id AS uuid)";
			case "reply_due" -> "SELECT reply_due FROM follow_up WHERE id = CAST(:id AS uuid)";
			case "warn_at" -> "SELECT warn_at FROM follow_up WHERE id = CAST(:id AS uuid)";
			case "warned_at" -> "SELECT warned_at FROM follow_up WHERE id = CAST(:id AS uuid)";
			case "escalated_at" -> "SELECT escalated_at FROM follow_up WHERE id = CAST(:id AS uuid)";
			default -> throw new IllegalArgumentException(column);
		};
		Timestamp t = db.sql(sql).param("id", followUpId).query(Timestamp.class).single();
		return t == null ? null : t.toInstant();
	}

	int notifications(String username, String kind, String followUpOrRatingId) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :u AND kind = :k AND link LIKE :link")
			.param("u", username)
			.param("k", kind)
			.param("link", "%" + followUpOrRatingId + "%")
			.query(Integer.class)
			.single();
	}

}
