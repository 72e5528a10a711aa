package org.onestop.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The burden figures of applications (promise P8: burden is measured), read from the
 * {@code application_burden} view so that they can never drift from the applications
 * themselves.
 */
@Service
class Burden {

	private final BurdenQueries queries;

	Burden(BurdenQueries queries) {
		this.queries = queries;
	}

	/** One application's figures. */
	public record Figures(UUID applicationId, String serviceCode, String department, String status, Instant submittedAt,
			Instant decidedAt, int fieldsPrefilled, int fieldsTyped, int valuesDisputed, int documentsUploaded,
			int documentsReused, int supplementRounds, int rejections, int trips, Integer workingDaysToDecision) {
	}

	/**
	 * Per matter, over applications submitted in a period: the averages and totals
	 * insight publishes.
	 */
	public record MatterFigures(String serviceCode, int applications, double prefilledShare, int valuesDisputed,
			int documentsUploaded, int documentsReused, int supplementRounds, int rejections, int trips,
			Double averageWorkingDaysToDecision) {
	}

	public Optional<Figures> of(UUID application) {
		return queries.of(application);
	}

	public List<MatterFigures> byMatter(Instant from, Instant to) {
		return queries.byMatter(from, to);
	}

}
