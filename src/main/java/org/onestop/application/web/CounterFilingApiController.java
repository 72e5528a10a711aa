package org.onestop.application.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.onestop.application.Application;
import org.onestop.application.CounterFiling;
import org.onestop.application.Submissions;
import org.onestop.application.form.FormView;
import org.onestop.application.vault.VaultDocument;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.shared.ContactChannel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The counter over the API (一窗受理, issue 15): the form prefilled for the citizen present,
 * a scanned paper into their vault, and the application filed for them. Clerks only;
 * {@link CounterFiling} decides which.
 */
@RestController
@PreAuthorize("hasRole('CLERK')")
class CounterFilingApiController {

	private final CounterFiling filing;

	CounterFilingApiController(CounterFiling filing) {
		this.filing = filing;
	}

	/** As {@code POST /api/v1/applications} answers, with the channel it came through. */
	record Filed(UUID id, String reference, String status, LocalDate dueDate, ContactChannel channel, String hall,
			String counter) {

		static Filed of(Application a) {
			return new Filed(a.id(), a.reference(), a.status().name(), a.dueDate(), a.intake().channel(),
					a.intake().hall(), a.intake().counter());
		}
	}

	@GetMapping("/api/v1/counter/forms/{code}")
	FormView form(@AuthenticationPrincipal OneStopUser clerk, @PathVariable String code,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) UUID ticketId) {
		return filing.form(clerk, idNumber, code, ticketId);
	}

	@PostMapping("/api/v1/counter/applications")
	ResponseEntity<Filed> file(@AuthenticationPrincipal OneStopUser clerk,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody CounterFiling.CounterApplication request) {
		Submissions.Submitted submitted = filing.file(clerk, key, request);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/applications/" + submitted.application().id()))
			.header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
			.body(Filed.of(submitted.application()));
	}

	@PostMapping(path = "/api/v1/counter/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<VaultDocument> scan(@AuthenticationPrincipal OneStopUser clerk,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String title) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "application.vault.file.empty");
		}
		VaultDocument document = filing.scan(clerk, idNumber, title, file.getInputStream());
		return ResponseEntity.status(HttpStatus.CREATED).body(document);
	}

}
