package org.onestop.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onestop.platform.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors' access to the log's integrity, and the checkpoints for systems that keep them
 * off this machine.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditApiController {

	static final int MAX_CHECKPOINTS = 10_000;

	private final AuditVerification verification;

	private final VerdictReport report;

	private final CheckpointLog checkpoints;

	private final AuditSealer sealer;

	AuditApiController(AuditVerification verification, VerdictReport report, CheckpointLog checkpoints,
			AuditSealer sealer) {
		this.verification = verification;
		this.report = report;
		this.checkpoints = checkpoints;
		this.sealer = sealer;
	}

	/**
	 * Walks on from the last verified mark ({@code walkedFrom}) and re-checks
	 * {@code sampled} entries below it at random; {@code full} walks the whole log, which
	 * is what surely finds a change made before the mark.
	 */
	@GetMapping("/verify")
	Map<String, Object> verify(@RequestParam(defaultValue = "false") boolean full) {
		return report.of(verification.verify(full));
	}

	/**
	 * Checkpoints of positions after {@code after}, lowest first, as written to the
	 * checkpoint file; a poller asks again with the highest position it holds.
	 * {@code head} is the head as it is now, signed.
	 */
	@GetMapping("/checkpoints")
	Map<String, Object> checkpoints(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "1000") int limit) throws IOException {
		if (after < 0) {
			throw new InvalidInputException("after", "audit.checkpoints.after");
		}
		if (limit < 1 || limit > MAX_CHECKPOINTS) {
			throw new InvalidInputException("limit", "audit.checkpoints.limit", 1, MAX_CHECKPOINTS);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("checkpoints", checkpoints.after(after, limit));
		body.put("head", sealer.headNow());
		return body;
	}

}
