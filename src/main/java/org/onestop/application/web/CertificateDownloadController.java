package org.onestop.application.web;

import java.util.UUID;

import org.onestop.application.Application;
import org.onestop.application.Cases;
import org.onestop.certificate.Certificates;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The e-certificate of an approved application, for whoever may read the application. */
@RestController
class CertificateDownloadController {

	private final Cases cases;

	private final Certificates certificates;

	CertificateDownloadController(Cases cases, Certificates certificates) {
		this.cases = cases;
		this.certificates = certificates;
	}

	@GetMapping({ "/applications/{id}/certificate.pdf", "/api/v1/applications/{id}/certificate" })
	ResponseEntity<byte[]> certificate(@AuthenticationPrincipal OneStopUser user, @PathVariable UUID id) {
		Application application = cases.readable(user, id);
		byte[] pdf = application.certificateCode() == null ? null
				: certificates.pdf(application.certificateCode()).orElse(null);
		if (pdf == null) {
			throw new NotFoundException("application.certificate.none");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(application.certificateCode() + ".pdf").build().toString())
			.body(pdf);
	}

}
