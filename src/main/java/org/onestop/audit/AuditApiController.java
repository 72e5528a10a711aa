package org.onestop.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Auditors' access to the log's integrity. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditApiController {

	private final AuditVerification verification;

	AuditApiController(AuditVerification verification) {
		this.verification = verification;
	}

	@GetMapping("/verify")
	Map<String, Object> verify() {
		AuditVerification.Verdict verdict = verification.verify();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("valid", verdict.valid());
		if (verdict.valid()) {
			body.put("entries", verdict.entries());
		}
		else {
			body.put("firstBrokenEntry", verdict.firstBrokenEntry());
			body.put("entriesBeforeBreak", verdict.entries());
		}
		return body;
	}
}
