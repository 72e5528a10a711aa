package org.onestop.application.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.hotline.PreparedApplication;
import org.onestop.application.hotline.PreparedApplications;
import org.onestop.application.hotline.PreparedApplications.PreparedView;
import org.onestop.identity.OneStopUser;
import org.onestop.shared.LocalizedText;
import org.springframework.http.HttpStatus;
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

/**
 * Applications prepared on the hotline (issue 15): the agent prepares, the citizen
 * confirms or declines, or a clerk confirms with the citizen present.
 */
@RestController
class PreparedApiController {

	private final PreparedApplications prepared;

	PreparedApiController(PreparedApplications prepared) {
		this.prepared = prepared;
	}

	record PrepareRequest(String idNumber, String serviceCode, Map<String, String> fields, UUID callId) {
	}

	record Confirmation(Map<String, String> fields, String explanation) {
	}

	record CounterConfirmation(String idNumber, boolean identityChecked, boolean consent, Map<String, String> fields,
			String explanation) {
	}

	record Field(String name, String value, boolean prefilled) {
	}

	/** A prepared application as the API shows it. */
	record Prepared(UUID id, String status, String serviceCode, LocalizedText matterName, String applicantName,
			String preparedBy, String preparedByName, UUID callId, String callTopic, Instant callAt, Instant createdAt,
			Instant expiresAt, Boolean confirmedAtCounter, UUID applicationId, List<Field> fields) {

		static Prepared of(PreparedView v) {
			PreparedApplication p = v.prepared();
			return new Prepared(p.id(), v.status().name(), p.serviceCode(), v.form().matterName(), p.applicantName(),
					p.preparedBy(), p.preparedByName(), p.callId(), p.callTopic(), p.callAt(), p.createdAt(),
					p.expiresAt(), p.confirmedAtCounter(), p.applicationId(),
					v.form().lines().stream().map(l -> new Field(l.name(), l.value(), l.prefilled())).toList());
		}
	}

	@PostMapping("/api/v1/hotline/applications")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Prepared> prepare(@AuthenticationPrincipal OneStopUser agent,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody PrepareRequest request) {
		PreparedApplications.Prepared made = prepared.prepare(agent, key, new PreparedApplications.PrepareCommand(
				request.idNumber(), request.serviceCode(), request.fields(), request.callId()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/hotline/applications/" + made.prepared().id()))
			.header("Idempotent-Replayed", String.valueOf(made.replayed()))
			.body(Prepared.of(made.prepared()));
	}

	@GetMapping("/api/v1/hotline/applications/{id}")
	@PreAuthorize("hasRole('AGENT')")
	Prepared preparedByMe(@AuthenticationPrincipal OneStopUser agent, @PathVariable UUID id) {
		return Prepared.of(prepared.preparedBy(agent, id));
	}

	@GetMapping("/api/v1/me/prepared-applications")
	@PreAuthorize("hasRole('CITIZEN')")
	List<Prepared> mine(@AuthenticationPrincipal OneStopUser citizen) {
		return prepared.mine(citizen).stream().map(Prepared::of).toList();
	}

	@GetMapping("/api/v1/me/prepared-applications/{id}")
	@PreAuthorize("hasRole('CITIZEN')")
	Prepared one(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		return Prepared.of(prepared.one(citizen, id));
	}

	@PostMapping("/api/v1/me/prepared-applications/{id}/confirm")
	@PreAuthorize("hasRole('CITIZEN')")
	Prepared confirm(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestBody(required = false) Confirmation confirmation) {
		Confirmation c = confirmation == null ? new Confirmation(Map.of(), null) : confirmation;
		return Prepared.of(prepared.confirm(citizen, id, c.fields(), c.explanation()));
	}

	@PostMapping("/api/v1/me/prepared-applications/{id}/decline")
	@PreAuthorize("hasRole('CITIZEN')")
	Prepared decline(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		return Prepared.of(prepared.decline(citizen, id));
	}

	@GetMapping("/api/v1/counter/prepared-applications")
	@PreAuthorize("hasRole('CLERK')")
	List<Prepared> pending(@AuthenticationPrincipal OneStopUser clerk,
			@RequestParam(defaultValue = "") String idNumber) {
		return prepared.pendingFor(clerk, idNumber).stream().map(Prepared::of).toList();
	}

	@PostMapping("/api/v1/counter/prepared-applications/{id}/confirm")
	@PreAuthorize("hasRole('CLERK')")
	Prepared confirmAtCounter(@AuthenticationPrincipal OneStopUser clerk, @PathVariable UUID id,
			@RequestBody CounterConfirmation confirmation) {
		return Prepared.of(prepared.confirmAtCounter(clerk, confirmation.idNumber(), id, confirmation.identityChecked(),
				confirmation.consent(), confirmation.fields(), confirmation.explanation()));
	}

}
