package org.onestop.application.web;

import java.util.List;
import java.util.UUID;

import org.onestop.application.CaseFiles;
import org.onestop.application.CorrectionRequests;
import org.onestop.application.DiscretionLog;
import org.onestop.application.form.FormDefinition;
import org.onestop.application.form.Forms;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Correction requests, the discretion log, case documents, and form definitions. */
@RestController
class CaseworkApiController {

	private final CorrectionRequests corrections;

	private final CaseFiles caseFiles;

	private final Forms forms;

	private final DiscretionLog discretionLog;

	CaseworkApiController(CorrectionRequests corrections, CaseFiles caseFiles, Forms forms,
			DiscretionLog discretionLog) {
		this.corrections = corrections;
		this.caseFiles = caseFiles;
		this.forms = forms;
		this.discretionLog = discretionLog;
	}

	record Resolution(String outcome, String note) {
	}

	@GetMapping("/api/v1/staff/correction-requests")
	@PreAuthorize("hasRole('STAFF')")
	List<CorrectionRequests.CorrectionRequest> corrections(@AuthenticationPrincipal OneStopUser staff,
			@RequestParam(defaultValue = "true") boolean open) {
		return corrections.of(staff, open);
	}

	@PostMapping("/api/v1/staff/correction-requests/{id}/resolve")
	@PreAuthorize("hasRole('STAFF')")
	CorrectionRequests.CorrectionRequest resolve(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody Resolution resolution) {
		return corrections.resolve(staff, id, resolution.outcome(), resolution.note());
	}

	/**
	 * Every decision taken with discretion. Auditors read all departments; supervisors
	 * and heads of department read their own.
	 */
	@GetMapping("/api/v1/staff/discretion-log")
	@PreAuthorize("hasAnyRole('AUDITOR', 'SUPERVISOR', 'DEPARTMENT_HEAD')")
	List<DiscretionLog.Entry> discretionLog(@AuthenticationPrincipal OneStopUser staff) {
		return discretionLog.readableBy(staff);
	}

	@GetMapping("/api/v1/staff/applications/{id}/documents/{documentId}")
	@PreAuthorize("hasRole('STAFF')")
	ResponseEntity<InputStreamResource> document(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@PathVariable UUID documentId) {
		return StaffDocuments.inline(caseFiles.document(staff, id, documentId));
	}

	@GetMapping("/api/v1/admin/services/{code}/form")
	@PreAuthorize("hasAnyRole('ADMIN', 'CONTENT_EDITOR')")
	Forms.StoredForm currentForm(@PathVariable String code) {
		return forms.current(code).orElseThrow(() -> new NotFoundException("application.form.not-found", code));
	}

	/**
	 * Only administrators: a field's source decides which registry data is read about
	 * every applicant.
	 */
	@PutMapping("/api/v1/admin/services/{code}/form")
	@PreAuthorize("hasRole('ADMIN')")
	Forms.StoredForm saveForm(@AuthenticationPrincipal OneStopUser admin, @PathVariable String code,
			@RequestBody FormDefinition form) {
		return forms.save(admin.username(), code, form);
	}

}
