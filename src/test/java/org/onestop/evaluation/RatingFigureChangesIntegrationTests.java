package org.onestop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which months of the ratings' figures changed is asked on every refresh, on every node:
 * with 5 million ratings it must read indexes only, and a follow-up's change is found by
 * its one {@code changed_at}.
 */
@IntegrationTest
class RatingFigureChangesIntegrationTests {

	@Autowired
	JdbcClient db;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RatingFigures figures;

	@Test
	void whichMonthsChangedIsAnsweredFromIndexesAlone() {
		Instant since = Instant.now().minusSeconds(60);
		String plan = transactions.execute(status -> {
			// With sequential scans priced out, one still in the plan means no index
			// serves that branch.
			db.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n",
					db.sql("EXPLAIN " + RatingFigureQueries.CHANGED_MONTHS)
						.param("zone", "Asia/Shanghai")
						.param("since", Timestamp.from(since))
						.param("now", Timestamp.from(Instant.now()))
						.query(String.class)
						.list());
		});
		assertThat(plan).contains("follow_up_changed").doesNotContain("Seq Scan");
	}

	@Test
	void aFollowUpsChangeChangesItsMonths() {
		RatingRows rows = new RatingRows(db);
		UUID rating = rows.rating(SubjectType.APPLICATION, "CA", "CA-ELD-001", null, "WEB", 1,
				Instant.parse("2018-03-20T02:00:00Z"), true);
		UUID followUp = rows.followUp(rating, "CA", "REPLIED", Instant.parse("2018-03-20T02:00:00Z"),
				Instant.parse("2018-03-27T09:30:00Z"), Instant.parse("2018-03-26T09:30:00Z"), null, null);
		Instant since = Instant.now().plusSeconds(3600);
		try {
			assertThat(figures.monthsChangedSince(since)).doesNotContain(YearMonth.of(2018, 3));
			db.sql("UPDATE follow_up SET changed_at = :at WHERE id = :id")
				.param("at", Timestamp.from(since.plusSeconds(60)))
				.param("id", followUp)
				.update();
			assertThat(figures.monthsChangedSince(since)).contains(YearMonth.of(2018, 3));
		}
		finally {
			db.sql("DELETE FROM follow_up WHERE id = :id").param("id", followUp).update();
			db.sql("DELETE FROM rating_cause WHERE rating_id = :id").param("id", rating).update();
			db.sql("DELETE FROM rating WHERE id = :id").param("id", rating).update();
		}
	}

}
