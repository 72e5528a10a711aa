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

	/** The sums behind one channel's figures. */
	record ChannelSums(String channel, int applications, int decided, long workingDays, int trips, int fieldsTyped,
			int fieldsPrefilled, int documentsUploaded, int documentsReused, int supplementRounds, int rejections) {
	}

	/**
	 * Per channel, over applications submitted in {@code [from, to)}, of one department
	 * or (null) all: sums, not averages, so that channels can be added up into online and
	 * offline.
	 */
	List<ChannelSums> byChannel(Instant from, Instant to, String department) {
		return db
			.sql("""
					SELECT channel, count(*)::int AS applications, count(working_days_to_decision)::int AS decided,
					       coalesce(sum(working_days_to_decision), 0)::bigint AS working_days, sum(trips)::int AS trips,
					       sum(fields_typed)::int AS fields_typed, sum(fields_prefilled)::int AS fields_prefilled,
					       sum(documents_uploaded)::int AS documents_uploaded, sum(documents_reused)::int AS documents_reused,
					       sum(supplement_rounds)::int AS supplement_rounds, sum(rejections)::int AS rejections
					FROM application_burden
					WHERE submitted_at >= :from AND submitted_at < :to
					  AND (CAST(:department AS text) IS NULL OR department = :department)
					GROUP BY channel""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("department", department)
			.query(ChannelSums.class)
			.list();
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
