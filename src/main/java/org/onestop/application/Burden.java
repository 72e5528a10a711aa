package org.onestop.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The burden figures of applications (promise P8: burden is measured), read from the
 * {@code application_burden} view so that they can never drift from the applications themselves.
 */
@Service
public class Burden {

	private final JdbcClient db;

	Burden(JdbcClient db) {
		this.db = db;
	}

	/** One application's figures. */
	public record Figures(UUID applicationId, String serviceCode, String department, String status, Instant submittedAt,
			Instant decidedAt, int fieldsPrefilled, int fieldsTyped, int valuesDisputed, int documentsUploaded,
			int documentsReused, int supplementRounds, int rejections, int trips, Integer workingDaysToDecision) {
	}

	/** Per matter, over applications submitted in a period: the averages and totals insight publishes. */
	public record MatterFigures(String serviceCode, int applications, double prefilledShare, int valuesDisputed,
			int documentsUploaded, int documentsReused, int supplementRounds, int rejections, int trips,
			Double averageWorkingDaysToDecision) {
	}

	public Optional<Figures> of(UUID application) {
		return db.sql("SELECT * FROM application_burden WHERE application_id = :id").param("id", application)
			.query(Figures.class).optional();
	}

	public List<MatterFigures> byMatter(Instant from, Instant to) {
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
			.param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
			.query(MatterFigures.class).list();
	}
}
