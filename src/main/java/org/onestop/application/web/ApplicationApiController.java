package org.onestop.application.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.application.Application.Status;
import org.onestop.application.Application;
import org.onestop.application.ApplicationForm;
import org.onestop.application.Bundles;
import org.onestop.application.CaseView;
import org.onestop.application.Cases;
import org.onestop.application.Drafts;
import org.onestop.application.Filing;
import org.onestop.application.Filings;
import org.onestop.application.Intake;
import org.onestop.application.Submissions;
import org.onestop.application.form.FormView;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.OnlineChannel;
import org.onestop.shared.ContactChannel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's applications: the prefilled form, drafts, disputes, pre-check,
 * submission, status.
 */
@RestController
class ApplicationApiController {

	private final Drafts drafts;

	private final Submissions submissions;

	private final Cases cases;

	private final Bundles bundles;

	private final Filings filings;

	ApplicationApiController(Drafts drafts, Submissions submissions, Cases cases, Bundles bundles, Filings filings) {
		this.drafts = drafts;
		this.submissions = submissions;
		this.cases = cases;
		this.bundles = bundles;
		this.filings = filings;
	}

	record Summary(UUID id, String reference, String status, LocalDate dueDate) {
		static Summary of(Application a) {
			return new Summary(a.id(), a.reference(), a.status().name(), a.dueDate());
		}
	}

	/**
	 * One of the citizen's applications.
	 *
	 * @param filedAt where and by whom it was filed for the citizen (a counter, the
	 * hotline, a representative); null when they filed it themselves online
	 */
	record ListItem(UUID id, String reference, String serviceCode, Status status, LocalDate dueDate, Instant updatedAt,
			String certificateCode, ContactChannel channel, Instant submittedAt, FiledAt filedAt) {
	}

	/**
	 * Names in the reader's language; the codes beside them for programs.
	 */
	record FiledAt(String hall, String hallName, String counter, String counterName, String filedByName) {

		static FiledAt of(Application a, Filing filing, Locale locale) {
			if (!filing.marked()) {
				return null;
			}
			return new FiledAt(a.intake().hall(), filing.hall() == null ? null : filing.hall().in(locale),
					a.intake().counter(), filing.counter() == null ? null : filing.counter().in(locale),
					filing.filedByName());
		}
	}

	record DraftChange(Map<String, String> fields, List<UUID> documentIds, String explanation) {
	}

	record DisputeRequest(String field, String value, String comment) {
	}

	record Answer(Map<String, String> fields, List<UUID> documentIds, String note) {
	}

	@GetMapping("/api/v1/services/{code}/form")
	@PreAuthorize("hasRole('CITIZEN')")
	FormView form(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code) {
		return drafts.open(citizen, code);
	}

	@PutMapping("/api/v1/applications/drafts/{id}")
	@PreAuthorize("hasRole('CITIZEN')")
	FormView saveDraft(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestBody DraftChange change) {
		return drafts.save(citizen, id, change.fields() == null ? Map.of() : change.fields(), change.documentIds(),
				change.explanation());
	}

	@PostMapping("/api/v1/applications/drafts/{id}/disputes")
	@PreAuthorize("hasRole('CITIZEN')")
	FormView dispute(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestBody DisputeRequest dispute) {
		return drafts.dispute(citizen, id, dispute.field(), dispute.value(), dispute.comment());
	}

	@PostMapping("/api/v1/applications/precheck")
	@PreAuthorize("hasRole('CITIZEN')")
	Submissions.PrecheckResult precheck(@AuthenticationPrincipal OneStopUser citizen,
			@RequestBody ApplicationForm form) {
		return submissions.precheck(citizen, form);
	}

	@PostMapping("/api/v1/applications")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<Summary> submit(@AuthenticationPrincipal OneStopUser citizen,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody ApplicationForm form,
			HttpServletRequest http) {
		Submissions.Submitted submitted = submissions.submit(citizen, key, form,
				Intake.byApplicant(OnlineChannel.of(http)));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/applications/" + submitted.application().id()))
			.header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
			.body(Summary.of(submitted.application()));
	}

	record BundleRequest(String lifeEvent, Map<String, String> fields, List<UUID> documentIds, String explanation) {
	}

	@GetMapping("/api/v1/life-events/{code}/form")
	@PreAuthorize("hasRole('CITIZEN')")
	Bundles.BundleForm bundleForm(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code) {
		return bundles.form(citizen, code);
	}

	@PostMapping("/api/v1/bundles")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<Bundles.BundleView> submitBundle(@AuthenticationPrincipal OneStopUser citizen,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody BundleRequest request,
			HttpServletRequest http) {
		Bundles.BundleView view = bundles.submit(citizen, key, request.lifeEvent(), request.fields(),
				request.documentIds(), request.explanation(), Intake.byApplicant(OnlineChannel.of(http)));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/bundles/" + view.id()))
			.body(view);
	}

	@GetMapping("/api/v1/bundles/{id}")
	@PreAuthorize("hasRole('CITIZEN')")
	Bundles.BundleView bundle(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		return bundles.view(citizen, id);
	}

	@GetMapping("/api/v1/applications")
	@PreAuthorize("hasRole('CITIZEN')")
	List<ListItem> mine(@AuthenticationPrincipal OneStopUser citizen, Locale locale) {
		return cases.mine(citizen).stream().map(a -> {
			Filing filing = filings.of(a);
			return new ListItem(a.id(), a.reference(), a.serviceCode(), a.status(), a.dueDate(), a.updatedAt(),
					a.certificateCode(), channelOf(a.intake()), a.submittedAt(), FiledAt.of(a, filing, locale));
		}).toList();
	}

	private static ContactChannel channelOf(Intake intake) {
		return intake.channel();
	}

	@GetMapping("/api/v1/applications/{id}")
	CaseView one(@AuthenticationPrincipal OneStopUser user, @PathVariable UUID id) {
		Application application = cases.readable(user, id);
		return user.staff() ? cases.view(application) : cases.citizenView(application);
	}

	@PostMapping("/api/v1/applications/{id}/requests/{requestId}/answer")
	@PreAuthorize("hasRole('CITIZEN')")
	CaseView answer(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, @PathVariable UUID requestId,
			@RequestBody Answer answer) {
		return cases
			.citizenView(cases.answer(citizen, id, requestId, answer.fields(), answer.documentIds(), answer.note()));
	}

	@PostMapping("/api/v1/applications/{id}/withdraw")
	@PreAuthorize("hasRole('CITIZEN')")
	CaseView withdraw(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		return cases.citizenView(cases.withdraw(citizen, id));
	}

}
