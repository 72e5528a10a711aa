package org.onestop.certificate;

import java.time.LocalDate;

import org.onestop.platform.NotFoundException;
import org.onestop.shared.LocalizedText;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verification page for machines, e.g. a counter's scanner: what the certificate
 * prints, and its status.
 */
@RestController
class CertificateApiController {

	private final Certificates certificates;

	CertificateApiController(Certificates certificates) {
		this.certificates = certificates;
	}

	record CertificateView(String code, String status, LocalizedText matterName, String holderName,
			String holderIdMasked, LocalizedText department, LocalDate issuedOn) {
	}

	@GetMapping("/api/v1/certificates/{code}")
	CertificateView certificate(@PathVariable String code) {
		Certificate c = certificates.find(code).orElseThrow(() -> new NotFoundException("certificate.not-found"));
		return new CertificateView(c.code(), c.status().name(), c.matterName(), c.holderName(), c.holderIdMasked(),
				c.departmentName(), c.issuedOn());
	}

}
