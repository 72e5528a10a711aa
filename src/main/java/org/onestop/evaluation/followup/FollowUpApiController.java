package org.onestop.evaluation.followup;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow-ups of bad ratings over the API: the department's staff (list, read, contact,
 * reply), the citizen (the reply and their verdict), flags (the department flags, the
 * services supervisor decides), the public list of exclusions, and each department's time
 * to reply (administrators). The URL rules let the coarse roles in; the services check
 * department, ownership and the supervisor's role.
 */
@RestController
class FollowUpApiController {

	private final FollowUps followUps;

	private final RatingFlags flags;

	private final DepartmentSettings settings;

	FollowUpApiController(FollowUps followUps, RatingFlags flags, DepartmentSettings settings) {
		this.followUps = followUps;
		this.flags = flags;
		this.settings = settings;
	}

	record ContactRequest(String note) {
	}

	record ReplyRequest(String text, Boolean rectified, LocalDate promisedDate, Boolean noLegalBasis) {
	}

	record VerdictRequest(String verdict) {
	}

	record FlagRequest(String reason) {
	}

	record DecisionRequest(Boolean exclude, String note) {
	}

	record SettingRequest(Integer replyWorkingDays) {
	}

	@GetMapping("/api/v1/follow-ups")
	List<FollowUps.Item> list(@AuthenticationPrincipal OneStopUser staff) {
		return followUps.list(staff);
	}

	@GetMapping("/api/v1/follow-ups/ledger")
	List<FollowUps.Item> ledger(@AuthenticationPrincipal OneStopUser staff) {
		return followUps.ledger(staff);
	}

	@GetMapping("/api/v1/follow-ups/{id}")
	ResponseEntity<FollowUps.Detail> detail(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id) {
		return tagged(followUps.detail(staff, id));
	}

	@PostMapping("/api/v1/follow-ups/{id}/contact")
	ResponseEntity<FollowUps.Detail> contact(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) ContactRequest request) {
		return tagged(followUps.contact(staff, id, request == null ? null : request.note(), version(ifMatch)));
	}

	@PostMapping("/api/v1/follow-ups/{id}/reply")
	ResponseEntity<FollowUps.Detail> reply(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) ReplyRequest request) {
		ReplyRequest r = request == null ? new ReplyRequest(null, null, null, null) : request;
		return tagged(followUps.reply(staff, id, r.text(), r.rectified(), r.promisedDate(), r.noLegalBasis(),
				version(ifMatch)));
	}

	@GetMapping("/api/v1/ratings/{id}/follow-up")
	FollowUps.CitizenView mine(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		return followUps.forCitizen(citizen, id);
	}

	@PostMapping("/api/v1/ratings/{id}/follow-up/verdict")
	FollowUps.CitizenView verdict(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestBody(required = false) VerdictRequest request) {
		return followUps.verdict(citizen, id, request == null ? null : request.verdict());
	}

	@PostMapping("/api/v1/ratings/{id}/flags")
	ResponseEntity<RatingFlags.FlagView> flag(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody(required = false) FlagRequest request) {
		RatingFlags.FlagView flag = flags.flag(staff, id, request == null ? null : request.reason());
		return ResponseEntity.created(URI.create("/api/v1/rating-flags/" + flag.id())).body(flag);
	}

	@GetMapping("/api/v1/rating-flags")
	List<RatingFlags.FlagView> flags(@AuthenticationPrincipal OneStopUser supervisor) {
		return flags.all(supervisor);
	}

	@PostMapping("/api/v1/rating-flags/{id}/decision")
	RatingFlags.FlagView decide(@AuthenticationPrincipal OneStopUser supervisor, @PathVariable UUID id,
			@RequestBody(required = false) DecisionRequest request) {
		DecisionRequest r = request == null ? new DecisionRequest(null, null) : request;
		return flags.decide(supervisor, id, r.exclude(), r.note());
	}

	@GetMapping("/api/v1/ratings/exclusions")
	RatingFlags.Exclusions exclusions() {
		return flags.exclusions();
	}

	@GetMapping("/api/v1/admin/evaluation/departments")
	List<DepartmentSettings.Setting> departments(Locale locale) {
		return settings.all(locale);
	}

	@PutMapping("/api/v1/admin/evaluation/departments/{code}")
	DepartmentSettings.Setting setDepartment(@AuthenticationPrincipal OneStopUser admin, @PathVariable String code,
			@RequestBody(required = false) SettingRequest request, Locale locale) {
		return settings.set(admin.username(), code, request == null ? null : request.replyWorkingDays(), locale);
	}

	private static ResponseEntity<FollowUps.Detail> tagged(FollowUps.Detail detail) {
		return ResponseEntity.ok().eTag(Integer.toString(detail.followUp().version())).body(detail);
	}

	/** The version from {@code If-Match}; none: the current one. */
	private static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(ifMatch.replaceFirst("^W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "evaluation.follow-up.version.invalid");
		}
	}

}
