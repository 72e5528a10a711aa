package org.onestop.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.onestop.application.Application.Decision;
import org.onestop.application.CaseVariables.Completion;
import org.onestop.application.CaseVariables.ProposedSupplement;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.platform.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The decisions taken on each staff task, one handler per step. The rules of P5 live
 * here: a rejection carries its reason, legal basis and remedy; one supplement round, a
 * second only with a supervisor; a second rejection within 180 days does not take effect
 * but goes to a supervisor, whose decision is logged.
 */
@Component
class TaskDecisions {

	private static final int MAX_TEXT = 2000;

	/**
	 * What one step does with the outcome a person chose; the outcome is checked against
	 * the step's own list.
	 */
	@FunctionalInterface
	private interface Handler {

		Completion decide(OneStopUser user, Application a, String what, TaskOutcome o);

	}

	private final ApplicationStore store;

	private final RequestStore requests;

	private final DiscretionStore discretion;

	private final CaseVariables variables;

	private final Deadlines deadlines;

	private final Timeline timeline;

	private final CitizenNotices notices;

	private final Clock clock;

	private final Map<Step, Handler> handlers = new EnumMap<>(Step.class);

	TaskDecisions(ApplicationStore store, RequestStore requests, DiscretionStore discretion, CaseVariables variables,
			Deadlines deadlines, Timeline timeline, CitizenNotices notices, Clock clock) {
		this.store = store;
		this.requests = requests;
		this.discretion = discretion;
		this.variables = variables;
		this.deadlines = deadlines;
		this.timeline = timeline;
		this.notices = notices;
		this.clock = clock;
		handlers.put(Step.ACCEPTANCE, this::acceptance);
		handlers.put(Step.REVIEW, this::review);
		handlers.put(Step.FIELD_VISIT, this::fieldVisit);
		handlers.put(Step.SUPERVISOR_REVIEW, this::supervisorReview);
		handlers.put(Step.SUPPLEMENT_APPROVAL, this::supplementApproval);
	}

	/**
	 * Takes the decision on a task of this step, and returns the variables the task
	 * completes with.
	 */
	Map<String, Object> decide(OneStopUser user, String step, Application a, TaskOutcome outcome) {
		Handler handler = Step.of(step)
			.map(handlers::get)
			.orElseThrow(() -> new ConflictException("application.task.unknown-step"));
		String what = outcome.outcome() == null ? "" : outcome.outcome().strip();
		return handler.decide(user, a, what, outcome).asMap();
	}

	private Completion acceptance(OneStopUser user, Application a, String what, TaskOutcome o) {
		Outcome outcome = outcome(Step.ACCEPTANCE, what);
		Completion completion = variables.completion(outcome);
		if (outcome == Outcome.ACCEPT) {
			timeline.record(a.id(), "ACCEPTED", user.username(), Map.of());
		}
		else {
			if (!CaseRules.acceptanceMayRequestSupplement(a.supplementRounds())) {
				throw new ConflictException("application.supplement.acceptance-once");
			}
			requireItems(o);
			completion.returnTo(Step.ACCEPTANCE);
			requestSupplement(user.username(), a, o.items(), text(o.reason()));
		}
		return completion;
	}

	private Completion review(OneStopUser user, Application a, String what, TaskOutcome o) {
		Outcome outcome = outcome(Step.REVIEW, what);
		Completion completion = variables.completion(outcome)
			.supplementNeedsApproval(false)
			.secondRejection(false)
			.returnTo(Step.REVIEW);
		switch (outcome) {
			case APPROVE -> store.decision(a.id(),
					Decision.approved(user.username(), clock.instant(), text(o.reason()), text(o.legalBasis())));
			case REQUEST_SUPPLEMENT -> {
				requireItems(o);
				if (CaseRules.supplementNeedsApproval(a.supplementRounds())) {
					completion.supplementNeedsApproval(true)
						.proposedSupplement(new ProposedSupplement(user.username(), o.items(), text(o.reason())));
					timeline.record(a.id(), "SECOND_SUPPLEMENT_PROPOSED", user.username(), Map.of("items", o.items()));
				}
				else {
					requestSupplement(user.username(), a, o.items(), text(o.reason()));
				}
			}
			case REJECT -> reject(user, a, o, completion);
			case FIELD_VISIT -> {
				timeline.record(a.id(), "FIELD_VISIT_REQUESTED", user.username(), Map.of("reason", text(o.reason())));
				notices.citizen(a, "FIELD_VISIT", "application.notice.named.field-visit");
			}
			default -> throw unknownOutcome(what, Step.REVIEW.allowedOutcomes());
		}
		return completion;
	}

	private void reject(OneStopUser user, Application a, TaskOutcome o, Completion completion) {
		requireRejectionGrounds(o);
		Decision rejection = Decision.rejected(user.username(), clock.instant(), o.reason().strip(),
				o.legalBasis().strip(), o.remedy().strip());
		// Serialise rejections of one resident and matter, so two at once cannot both be
		// "the first".
		store.lockRejections(a.applicantIdNumber(), a.serviceCode());
		boolean second = CaseRules.rejectionGoesToSupervisor(a.serviceCode(),
				store.rejectionsSince(a.applicantIdNumber(), a.serviceCode(),
						CaseRules.repeatRejectionSince(clock.instant()), a.id()),
				clock.instant());
		completion.secondRejection(second);
		if (second) {
			completion.heldRejection(rejection);
			timeline.record(a.id(), "REJECTION_HELD", user.username(), Map.of("reason", rejection.reason()));
		}
		else {
			store.decision(a.id(), rejection);
		}
	}

	private Completion fieldVisit(OneStopUser user, Application a, String what, TaskOutcome o) {
		Outcome outcome = outcome(Step.FIELD_VISIT, what);
		if (o.findings() == null || o.findings().isBlank()) {
			throw new InvalidInputException("findings", "application.outcome.findings.required");
		}
		if (o.findings().length() > MAX_TEXT) {
			throw new InvalidInputException("findings", "application.field.too-long");
		}
		timeline.record(a.id(), "FIELD_VISIT_REPORTED", user.username(), Map.of("findings", o.findings().strip()));
		return variables.completion(outcome);
	}

	private Completion supervisorReview(OneStopUser user, Application a, String what, TaskOutcome o) {
		Decision held = variables.heldRejection(a.processInstanceId()).orElse(null);
		if (held != null && user.username().equals(held.by())) {
			// A second pair of eyes is the point of the supervisor's review.
			throw new ConflictException("application.supervisor.own-decision");
		}
		Outcome outcome = outcome(Step.SUPERVISOR_REVIEW, what);
		switch (outcome) {
			case APPROVE_WITH_ADJUSTMENT -> {
				List<FieldProblem> problems = new ArrayList<>();
				require(problems, "adjustedRule", o.adjustedRule(), "application.outcome.adjusted-rule.required");
				require(problems, "justification", o.justification(), "application.outcome.justification.required");
				throwIfAny(problems);
				logDiscretion(user, a, outcome, o.adjustedRule(), o.justification());
				store.decision(a.id(), Decision.approvedWithAdjustment(user.username(), clock.instant(),
						o.adjustedRule().strip(), o.justification().strip()));
			}
			case FIELD_VISIT -> {
				requireReason(o);
				logDiscretion(user, a, outcome, null, o.reason());
				notices.citizen(a, "FIELD_VISIT", "application.notice.named.field-visit");
			}
			case INVITE_CONSULTATION -> {
				requireReason(o);
				logDiscretion(user, a, outcome, null, o.reason());
				requests.open(a.id(), "CONSULTATION", List.of(), o.reason().strip(), user.username(), clock.instant());
				notices.citizen(a, "CONSULTATION", "application.notice.named.consultation");
			}
			case CONFIRM_REJECTION -> {
				requireReason(o);
				logDiscretion(user, a, outcome, null, o.reason());
				String legalBasis = firstNonBlank(o.legalBasis(), held == null ? null : held.legalBasis());
				String remedy = firstNonBlank(o.remedy(), held == null ? null : held.remedy());
				if (legalBasis == null || remedy == null) {
					requireRejectionGrounds(o);
				}
				store.decision(a.id(), Decision.confirmedRejection(user.username(), clock.instant(), o.reason().strip(),
						legalBasis, remedy));
			}
			default -> throw unknownOutcome(what, Step.SUPERVISOR_REVIEW.allowedOutcomes());
		}
		return variables.completion(outcome);
	}

	private Completion supplementApproval(OneStopUser user, Application a, String what, TaskOutcome o) {
		requireReason(o);
		ProposedSupplement proposed = variables.proposedSupplement(a.processInstanceId()).orElse(null);
		if (proposed != null && user.username().equals(proposed.by())) {
			throw new ConflictException("application.supervisor.own-decision");
		}
		Outcome outcome = outcome(Step.SUPPLEMENT_APPROVAL, what);
		logDiscretion(user, a, outcome, null, o.reason());
		if (outcome == Outcome.APPROVE_SUPPLEMENT) {
			if (proposed == null) {
				throw new IllegalStateException("No proposed supplement on application " + a.id());
			}
			requestSupplement(proposed.by(), a, proposed.items(), proposed.reason());
		}
		return variables.completion(outcome);
	}

	/**
	 * Asks the citizen for every missing item at once and stops the SLA clock until they
	 * answer.
	 */
	private void requestSupplement(String by, Application a, List<String> items, String reason) {
		requests.open(a.id(), "SUPPLEMENT", items, reason, by, clock.instant());
		store.clockStopped(a.id(), deadlines.today(), true);
		timeline.record(a.id(), "SUPPLEMENT_REQUESTED", by, Map.of("items", items, "round", a.supplementRounds() + 1));
		notices.citizen(a, "SUPPLEMENT_REQUESTED", "application.notice.named.supplement");
	}

	private void logDiscretion(OneStopUser user, Application a, Outcome outcome, String adjustedRule,
			String justification) {
		discretion.append(a.id(), clock.instant(), user.username(), a.department(), outcome.name(),
				adjustedRule == null ? null : adjustedRule.strip(), justification.strip());
		timeline.record(a.id(), "SUPERVISOR_" + outcome.name(), user.username(),
				Map.of("justification", limited(justification)));
	}

	private static Outcome outcome(Step step, String what) {
		return step.outcome(what).orElseThrow(() -> unknownOutcome(what, step.allowedOutcomes()));
	}

	private static void requireItems(TaskOutcome o) {
		if (o.items().isEmpty()) {
			throw new InvalidInputException("items", "application.outcome.items.required");
		}
		if (o.items().size() > 50 || o.items().stream().anyMatch(i -> i.length() > 500)) {
			throw new InvalidInputException("items", "application.field.too-long");
		}
	}

	private static void requireRejectionGrounds(TaskOutcome o) {
		List<FieldProblem> problems = new ArrayList<>();
		require(problems, "reason", o.reason(), "application.outcome.reason.required");
		require(problems, "legalBasis", o.legalBasis(), "application.outcome.legal-basis.required");
		require(problems, "remedy", o.remedy(), "application.outcome.remedy.required");
		throwIfAny(problems);
	}

	private static void requireReason(TaskOutcome o) {
		List<FieldProblem> problems = new ArrayList<>();
		require(problems, "reason", o.reason(), "application.outcome.reason.required");
		throwIfAny(problems);
	}

	private static void require(List<FieldProblem> problems, String field, String value, String key) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, key));
		}
		else if (value.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "application.field.too-long"));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static ProblemException unknownOutcome(String what, String allowed) {
		return new InvalidInputException("outcome", "application.outcome.unknown", what, allowed);
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : limited(value);
	}

	private static String limited(String value) {
		String v = value.strip();
		return v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v;
	}

	private static String firstNonBlank(String a, String b) {
		return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b : null;
	}

}
