package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.onestop.application.Application.Decision;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException;
import org.onestop.workflow.Workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The rules of P5 on each staff task, without the engine or the database: what each
 * outcome records, asks for and refuses. The whole journey is
 * ApplicationJourneyIntegrationTests'; these pin the branches it does not reach (PIT
 * found them unchecked).
 */
class TaskDecisionsTests {

	private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

	private static final String LONG = "x".repeat(2000);

	private final ApplicationStore store = mock(ApplicationStore.class);

	private final RequestStore requests = mock(RequestStore.class);

	private final DiscretionStore discretion = mock(DiscretionStore.class);

	private final Workflow workflow = mock(Workflow.class);

	private final Deadlines deadlines = mock(Deadlines.class);

	private final Timeline timeline = mock(Timeline.class);

	private final CitizenNotices notices = mock(CitizenNotices.class);

	private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

	private final TaskDecisions decisions = new TaskDecisions(store, requests, discretion,
			new CaseVariables(workflow, json), deadlines, timeline, notices, Clock.fixed(NOW, ZoneOffset.UTC));

	private final OneStopUser clerk = staff("clerk-1");

	private final OneStopUser supervisor = staff("supervisor-1");

	@BeforeEach
	void noProcessVariables() {
		given(workflow.variables(anyString())).willReturn(Map.of());
		given(deadlines.today()).willReturn(LocalDate.of(2026, 12, 4));
	}

	private static OneStopUser staff(String username) {
		return new OneStopUser(username, username, true, null, "DEPT", java.util.Set.of(Role.CLERK));
	}

	private static Application application(int supplementRounds) {
		Application draft = Application.draft(UUID.randomUUID(), "citizen-1", "110101199003070000", "Citizen",
				"PS-TEST-001", 1, 1, "DEPT", NOW);
		return new Application(draft.id(), draft.applicant(), draft.applicantIdNumber(), draft.applicantName(),
				draft.serviceCode(), 1, 1, "DEPT", Application.Status.IN_REVIEW, Map.of(), Map.of(), Map.of(),
				List.of(), null, List.of(), null, "process-1", NOW, NOW, NOW, LocalDate.of(2026, 12, 20), null,
				supplementRounds, null, null, null, "PS-2026-000001", draft.intake());
	}

	private static TaskOutcome outcome(String outcome, String reason, String legalBasis, String remedy,
			List<String> items) {
		return new TaskOutcome(outcome, reason, legalBasis, remedy, items, null, null, null);
	}

	private static TaskOutcome outcome(String outcome, String reason) {
		return outcome(outcome, reason, null, null, List.of());
	}

	private Map<String, Object> decide(OneStopUser user, String step, Application a, TaskOutcome o) {
		return decisions.decide(user, step, a, o);
	}

	private static List<String> fieldKeys(Throwable ex) {
		return ((ProblemException) ex).fields().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

	@Test
	void anUnknownStepIsAConflict() {
		assertThatThrownBy(() -> decide(clerk, "noSuchStep", application(0), outcome("ACCEPT", null)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("application.task.unknown-step");
	}

	@Test
	void acceptingRecordsItAndRequestsNothing() {
		Application a = application(0);
		Map<String, Object> completion = decide(clerk, "acceptance", a, outcome(" ACCEPT ", null));
		assertThat(completion).containsEntry("outcome", "ACCEPT").doesNotContainKey("returnTo");
		verify(timeline).record(a.id(), "ACCEPTED", "clerk-1", Map.of());
		verify(requests, never()).open(any(), any(), any(), any(), any(), any());
	}

	@Test
	void atAcceptanceTheFirstSupplementStopsTheClockAndComesBackToAcceptance() {
		Application a = application(0);
		Map<String, Object> completion = decide(clerk, "acceptance", a,
				outcome("REQUEST_SUPPLEMENT", " blurred photo ", null, null, List.of("photo")));
		assertThat(completion).containsEntry("outcome", "REQUEST_SUPPLEMENT").containsEntry("returnTo", "acceptance");
		verify(requests).open(a.id(), "SUPPLEMENT", List.of("photo"), "blurred photo", "clerk-1", NOW);
		verify(store).clockStopped(a.id(), LocalDate.of(2026, 12, 4), true);
		verify(timeline).record(a.id(), "SUPPLEMENT_REQUESTED", "clerk-1",
				Map.of("items", List.of("photo"), "round", 1));
		verify(notices).citizen(a, "SUPPLEMENT_REQUESTED", "application.notice.named.supplement");
		verify(timeline, never()).record(any(), eq("ACCEPTED"), any(), any());
	}

	@Test
	void atAcceptanceASupplementNeedsItemsAndOnlyOneRound() {
		assertThatThrownBy(() -> decide(clerk, "acceptance", application(0), outcome("REQUEST_SUPPLEMENT", "why")))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("items:application.outcome.items.required"));
		assertThatThrownBy(() -> decide(clerk, "acceptance", application(1),
				outcome("REQUEST_SUPPLEMENT", "why", null, null, List.of("photo"))))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("application.supplement.acceptance-once");
		verify(requests, never()).open(any(), any(), any(), any(), any(), any());
	}

	@Test
	void upToFiftyItemsOfUpTo500CharactersEach() {
		decide(clerk, "acceptance", application(0),
				outcome("REQUEST_SUPPLEMENT", null, null, null, Collections.nCopies(50, "y".repeat(500))));
		assertThatThrownBy(() -> decide(clerk, "acceptance", application(0),
				outcome("REQUEST_SUPPLEMENT", null, null, null, Collections.nCopies(51, "item"))))
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("items:application.field.too-long"));
		assertThatThrownBy(() -> decide(clerk, "acceptance", application(0),
				outcome("REQUEST_SUPPLEMENT", null, null, null, List.of("y".repeat(501)))))
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("items:application.field.too-long"));
	}

	@Test
	void aSecondSupplementIsOnlyProposedToASupervisor() {
		Application a = application(1);
		Map<String, Object> completion = decide(clerk, "review", a,
				outcome("REQUEST_SUPPLEMENT", "still blurred", null, null, List.of("photo")));
		assertThat(completion).containsEntry("supplementNeedsApproval", true)
			.containsEntry("pendingBy", "clerk-1")
			.containsEntry("pendingReason", "still blurred")
			.containsEntry("pendingItems", "[\"photo\"]");
		verify(timeline).record(a.id(), "SECOND_SUPPLEMENT_PROPOSED", "clerk-1", Map.of("items", List.of("photo")));
		verify(requests, never()).open(any(), any(), any(), any(), any(), any());
	}

	@Test
	void aSupplementRequestedInTheSecondRoundCountsAsTheSecond() {
		// A supervisor approved the second round: the timeline says round 2.
		Application a = application(1);
		given(workflow.variables("process-1"))
			.willReturn(Map.of("pendingBy", "clerk-1", "pendingItems", "[\"photo\"]", "pendingReason", "blurred"));
		decide(supervisor, "supplementApproval", a, outcome("APPROVE_SUPPLEMENT", "fair"));
		verify(requests).open(a.id(), "SUPPLEMENT", List.of("photo"), "blurred", "clerk-1", NOW);
		verify(timeline).record(a.id(), "SUPPLEMENT_REQUESTED", "clerk-1",
				Map.of("items", List.of("photo"), "round", 2));
	}

	@Test
	void anApprovalCarriesTheReasonStrippedAndCutTo2000Characters() {
		Application a = application(0);
		decide(clerk, "review", a, outcome("APPROVE", "  " + LONG + "zzz  ", " Art. 5 ", null, List.of()));
		ArgumentCaptor<Decision> decision = ArgumentCaptor.forClass(Decision.class);
		verify(store).decision(eq(a.id()), decision.capture());
		assertThat(decision.getValue().reason()).isEqualTo(LONG);
		assertThat(decision.getValue().legalBasis()).isEqualTo("Art. 5");
		assertThat(decision.getValue().by()).isEqualTo("clerk-1");
	}

	@Test
	void aSecondRejectionIsHeldForASupervisorAndDoesNotTakeEffect() {
		Application a = application(0);
		given(store.rejectionsSince(any(), any(), any(), any()))
			.willReturn(List.of(new CaseRules.EarlierRejection("PS-TEST-001", NOW.minusSeconds(86400))));
		Map<String, Object> completion = decide(clerk, "review", a, outcome("REJECT", " no ", " Art. 5 ", " fix "));
		assertThat(completion).containsEntry("secondRejection", true).containsKey("pendingRejection");
		verify(timeline).record(a.id(), "REJECTION_HELD", "clerk-1", Map.of("reason", "no"));
		verify(store, never()).decision(any(), any());
	}

	private static TaskOutcome outcome(String outcome, String reason, String legalBasis, String remedy) {
		return outcome(outcome, reason, legalBasis, remedy, List.of());
	}

	@Test
	void aFieldVisitIsRecordedAndTheCitizenTold() {
		Application a = application(0);
		decide(clerk, "review", a, outcome("FIELD_VISIT", " check the shop "));
		verify(timeline).record(a.id(), "FIELD_VISIT_REQUESTED", "clerk-1", Map.of("reason", "check the shop"));
		verify(notices).citizen(a, "FIELD_VISIT", "application.notice.named.field-visit");
	}

	@Test
	void aFieldVisitReportNeedsFindingsOfUpTo2000Characters() {
		Application a = application(0);
		decide(clerk, "fieldVisit", a, new TaskOutcome("REPORT", null, null, null, null, LONG, null, null));
		verify(timeline).record(a.id(), "FIELD_VISIT_REPORTED", "clerk-1", Map.of("findings", LONG));
		decide(clerk, "fieldVisit", a, new TaskOutcome("REPORT", null, null, null, null, " wet walls ", null, null));
		verify(timeline).record(a.id(), "FIELD_VISIT_REPORTED", "clerk-1", Map.of("findings", "wet walls"));
		assertThatThrownBy(() -> decide(clerk, "fieldVisit", a,
				new TaskOutcome("REPORT", null, null, null, null, LONG + "z", null, null)))
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("findings:application.field.too-long"));
	}

	@Test
	void anAdjustedApprovalNeedsTheRuleAndTheJustification() {
		Application a = application(0);
		assertThatThrownBy(() -> decide(supervisor, "supervisorReview", a,
				new TaskOutcome("APPROVE_WITH_ADJUSTMENT", null, null, null, null, null, null, "because")))
			.satisfies(ex -> assertThat(fieldKeys(ex))
				.containsExactly("adjustedRule:application.outcome.adjusted-rule.required"));
		assertThatThrownBy(() -> decide(supervisor, "supervisorReview", a,
				new TaskOutcome("APPROVE_WITH_ADJUSTMENT", null, null, null, null, null, "rule 3", LONG + "z")))
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("justification:application.field.too-long"));
		verify(store, never()).decision(any(), any());
	}

	@Test
	void aSupervisorsFieldVisitIsLoggedAsDiscretionAndTheCitizenTold() {
		Application a = application(0);
		decide(supervisor, "supervisorReview", a, outcome("FIELD_VISIT", " see it "));
		verify(discretion).append(a.id(), NOW, "supervisor-1", "DEPT", "FIELD_VISIT", null, "see it");
		verify(timeline).record(a.id(), "SUPERVISOR_FIELD_VISIT", "supervisor-1", Map.of("justification", "see it"));
		verify(notices).citizen(a, "FIELD_VISIT", "application.notice.named.field-visit");
		assertThatThrownBy(() -> decide(supervisor, "supervisorReview", a, outcome("FIELD_VISIT", " ")))
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("reason:application.outcome.reason.required"));
	}

	@Test
	void aConsultationIsLoggedOpenedAndTheCitizenTold() {
		Application a = application(0);
		decide(supervisor, "supervisorReview", a, outcome("INVITE_CONSULTATION", " ask them "));
		verify(discretion).append(a.id(), NOW, "supervisor-1", "DEPT", "INVITE_CONSULTATION", null, "ask them");
		verify(requests).open(a.id(), "CONSULTATION", List.of(), "ask them", "supervisor-1", NOW);
		verify(notices).citizen(a, "CONSULTATION", "application.notice.named.consultation");
	}

	private void heldRejection(String by, String legalBasis, String remedy) throws Exception {
		given(workflow.variables("process-1")).willReturn(Map.of("pendingRejection",
				json.writeValueAsString(Decision.rejected(by, NOW, "held reason", legalBasis, remedy))));
	}

	@Test
	void aConfirmedRejectionKeepsTheHeldGroundsUnlessTheSupervisorGivesTheirOwn() throws Exception {
		Application a = application(0);
		heldRejection("clerk-1", "Art. 5", "bring the deed");
		decide(supervisor, "supervisorReview", a, outcome("CONFIRM_REJECTION", " confirmed "));
		decide(supervisor, "supervisorReview", a, outcome("CONFIRM_REJECTION", "confirmed", " Art. 9 ", " "));
		ArgumentCaptor<Decision> decision = ArgumentCaptor.forClass(Decision.class);
		verify(store, org.mockito.Mockito.times(2)).decision(eq(a.id()), decision.capture());
		assertThat(decision.getAllValues()).extracting(Decision::reason, Decision::legalBasis, Decision::remedy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("confirmed", "Art. 5", "bring the deed"),
					org.assertj.core.groups.Tuple.tuple("confirmed", "Art. 9", "bring the deed"));
		verify(discretion, org.mockito.Mockito.times(2)).append(a.id(), NOW, "supervisor-1", "DEPT",
				"CONFIRM_REJECTION", null, "confirmed");
	}

	@Test
	void aConfirmedRejectionWithoutHeldGroundsNeedsItsOwn() throws Exception {
		Application a = application(0);
		assertThatThrownBy(() -> decide(supervisor, "supervisorReview", a,
				outcome("CONFIRM_REJECTION", "confirmed", "Art. 9", null)))
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("remedy:application.outcome.remedy.required"));
		heldRejection("clerk-1", " ", "bring the deed");
		assertThatThrownBy(
				() -> decide(supervisor, "supervisorReview", a, outcome("CONFIRM_REJECTION", "confirmed", null, null)))
			.satisfies(ex -> assertThat(fieldKeys(ex)).contains("legalBasis:application.outcome.legal-basis.required"));
		verify(store, never()).decision(any(), any());
	}

	@Test
	void aConfirmedRejectionNeedsTheSupervisorsReasonEvenWithHeldGrounds() throws Exception {
		heldRejection("clerk-1", "Art. 5", "bring the deed");
		assertThatThrownBy(() -> decide(supervisor, "supervisorReview", application(0),
				outcome("CONFIRM_REJECTION", " ", "Art. 9", "fix it")))
			.satisfies(ex -> assertThat(fieldKeys(ex)).containsExactly("reason:application.outcome.reason.required"));
		verify(store, never()).decision(any(), any());
	}

	@Test
	void noOneConfirmsTheirOwnHeldRejection() throws Exception {
		heldRejection("supervisor-1", "Art. 5", "bring the deed");
		assertThatThrownBy(
				() -> decide(supervisor, "supervisorReview", application(0), outcome("CONFIRM_REJECTION", "confirmed")))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("application.supervisor.own-decision");
	}

}
