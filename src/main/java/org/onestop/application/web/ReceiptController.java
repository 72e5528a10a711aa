package org.onestop.application.web;

import java.util.Locale;
import java.util.UUID;

import org.onestop.application.Filings;
import org.onestop.certificate.ReceiptLayout;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's printed receipt (受理回执), on A4 or an 80 mm thermal roll: for the API,
 * for the citizen's case page and for staff pages (the counter prints it for the citizen
 * present).
 */
@RestController
class ReceiptController {

	private final Filings filings;

	ReceiptController(Filings filings) {
		this.filings = filings;
	}

	@GetMapping({ "/api/v1/applications/{id}/receipt.pdf", "/applications/{id}/receipt.pdf",
			"/staff/applications/{id}/receipt.pdf" })
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal OneStopUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "a4") String format, Locale locale) {
		ReceiptLayout layout = ReceiptLayout.of(format)
			.orElseThrow(() -> new InvalidInputException("format", "application.receipt.format"));
		byte[] pdf = filings.receipt(user, id, layout, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("receipt-" + layout.format() + ".pdf").build().toString())
			.body(pdf);
	}

}
