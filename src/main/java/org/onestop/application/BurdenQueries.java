package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.application.Burden.Figures;
import org.onestop.application.Burden.MatterFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the {@code application_burden} view: one application's figures, and per matter
 * over a period.
 */
@Repository
class BurdenQueries {

	private final JdbcClient db;

	BurdenQueries(JdbcClient db) {
		this.db = db;
	}

	Optional<Figures> of(UUID application) {
		return db.sql("SELECT * FROM application_burden WHERE application_id = :id")
			.param("id", application)
			.query(Figures.class)
			.optional();
	}

	List<MatterFigures> byMatter(Instant from, Instant to) {
		return db.sql("""
				SELECT service_code, count(*)::int AS applications,
				       coalesce(sum(fields_prefilled)::float / nullif(sum(fields_prefilled + fields_typed), 0), 0)
				           AS prefilled_share,
				       sum(values_disputed)::int AS values_disputed, sum(documents_uploaded)::int AS documents_uploaded,
				       sum(documents_reused)::int AS documents_reused, sum(supplement_rounds)::int AS supplement_rounds,
				       sum(rejections)::int AS rejections, sum(trips)::int AS trips,
				       avg(working_days_to_decision)::float AS average_working_days_to_decision
				FROM application_burden WHERE submitted_at >= :from AND submitted_at < :to
				GROUP BY service_code ORDER BY service_code""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(MatterFigures.class)
			.list();
	}

}
