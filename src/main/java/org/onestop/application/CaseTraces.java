package org.onestop.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.application.form.Forms;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.springframework.stereotype.Service;

/**
 * What OneStop recorded about one application, for the evaluation module to trace a
 * rating to its cause (issue 17): the matter and its version, the pre-check rules that
 * fired, what the department asked the citizen to supplement, the rejection, and the
 * trips made for it. Read-only.
 */
@Service
public class CaseTraces {

	private final ApplicationStore applications;

	private final CaseTraceQueries queries;

	private final Forms forms;

	private final Catalog catalog;

	CaseTraces(ApplicationStore applications, CaseTraceQueries queries, Forms forms, Catalog catalog) {
		this.applications = applications;
		this.queries = queries;
		this.forms = forms;
		this.catalog = catalog;
	}

	/**
	 * One pre-check rule that fired when the application was submitted.
	 *
	 * @param decisionTable the DMN decision's key, such as {@code precheck-CA-ELD-001}
	 * @param code the rule's output code, which identifies the rule in its table
	 * @param message what the citizen was told, in the language of the submission
	 */
	public record FiredRule(String decisionTable, String code, String message) {
	}

	/**
	 * One counter visit made for the application.
	 *
	 * @param hall the hall's code, null when not recorded
	 * @param ticket the hall ticket it was served on; null for a visit recorded by hand
	 */
	public record Visit(String hall, String purpose, UUID ticket) {
	}

	/**
	 * @param maxTrips the most trips the matter's version promises
	 * @param supplementItems every item asked for, in every supplement round
	 * @param rejectionReason null unless the application was rejected
	 */
	public record CaseTrace(String serviceCode, int matterVersion, List<FiredRule> rules, List<String> supplementItems,
			String rejectionReason, String legalBasis, List<Visit> visits, int maxTrips) {

		public CaseTrace {
			rules = List.copyOf(rules);
			supplementItems = List.copyOf(supplementItems);
			visits = List.copyOf(visits);
		}

	}

	/** The trace of an application; empty when there is none with that id. */
	public Optional<CaseTrace> trace(UUID applicationId) {
		Optional<Application> found = applications.find(applicationId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Application row = found.get();
		List<String> items = queries.supplementItems(applicationId);
		List<Visit> visits = queries.visits(applicationId);
		String table = forms.revision(row.serviceCode(), row.matterVersion(), row.formRevision())
			.map(f -> f.definition().decisionKey())
			.orElse("precheck-" + row.serviceCode());
		List<FiredRule> rules = row.precheck()
			.stream()
			.filter(p -> "RULES".equals(p.kind()) && p.code() != null && !p.code().isBlank())
			.map(p -> new FiredRule(table, p.code(), p.message()))
			.toList();
		int maxTrips = catalog.matter(row.serviceCode(), row.matterVersion())
			.map(Matter::definition)
			.map(d -> d.maxTrips())
			.orElse(Integer.MAX_VALUE);
		boolean rejected = row.status() == Application.Status.REJECTED && row.decision() != null;
		return Optional.of(new CaseTrace(row.serviceCode(), row.matterVersion(), rules, items,
				rejected ? row.decision().reason() : null, rejected ? row.decision().legalBasis() : null, visits,
				maxTrips));
	}

}
