package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.onestop.registry.Registries;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correction requests (数据纠错): a citizen disputed a registry value; the registry's owning
 * department checks it and says whether the registry was corrected. The application never
 * waits for this.
 */
@Service
public class CorrectionRequests {

	private final CorrectionStore corrections;

	private final Timeline timeline;

	private final CitizenNotices notices;

	private final ApplicationStore store;

	private final Clock clock;

	private final Registries registries;

	CorrectionRequests(CorrectionStore corrections, Timeline timeline, CitizenNotices notices, ApplicationStore store,
			Clock clock, Registries registries) {
		this.corrections = corrections;
		this.timeline = timeline;
		this.notices = notices;
		this.store = store;
		this.clock = clock;
		this.registries = registries;
	}

	/** The disputed data item by its name, never its key. */
	private LocalizedText label(String item, String field) {
		return registries.label(item).orElse(new LocalizedText(field, field));
	}

	/**
	 * A disputed registry value, with the application it came from.
	 *
	 * @param resident the resident's ID number
	 * @param applicantName the applicant's name, as the application has it
	 * @param serviceCode the matter of the application
	 * @param submittedAt when the application was submitted; null for a draft
	 */
	public record CorrectionRequest(UUID id, UUID applicationId, String resident, String field, String item,
			String department, String registryValue, String citizenValue, String comment, String status,
			Instant createdAt, Instant resolvedAt, String resolvedBy, String resolutionNote, String applicantName,
			String serviceCode, Instant submittedAt, String reference) {
	}

	/**
	 * The department's requests, open ones first, with the resident's ID number: the
	 * registry's owner must find the record to correct it, and holds that registry
	 * anyway.
	 */
	public List<CorrectionRequest> of(OneStopUser staff, boolean openOnly) {
		mustHandleCases(staff);
		return corrections.ofDepartment(staff.department(), openOnly);
	}

	@Transactional
	public CorrectionRequest resolve(OneStopUser staff, UUID id, String outcome, String note) {
		mustHandleCases(staff);
		if (!"CORRECTED".equals(outcome) && !"DECLINED".equals(outcome)) {
			throw new InvalidInputException("outcome", "application.correction.outcome");
		}
		if (note == null || note.isBlank() || note.length() > 1000) {
			throw new InvalidInputException("note", "application.correction.note.required");
		}
		if (!corrections.resolve(id, staff.department(), outcome, staff.username(), note.strip(), clock.instant())) {
			throw corrections.existsInDepartment(id, staff.department())
					? new ConflictException("application.correction.resolved")
					: new NotFoundException("application.correction.not-found");
		}
		CorrectionRequest request = corrections.find(id).orElseThrow();
		timeline.record(request.applicationId(), "CORRECTION_" + outcome, staff.username(),
				Map.of("field", request.field()));
		store.find(request.applicationId())
			.ifPresent(
					a -> notices.citizen(a, "CORRECTION",
							"CORRECTED".equals(outcome) ? "application.notice.named.correction-corrected"
									: "application.notice.named.correction-declined",
							label(request.item(), request.field())));
		return request;
	}

	/**
	 * A disputed registry value is casework: the department's agents, auditors and
	 * editors neither read the residents' requests nor decide them.
	 */
	private static void mustHandleCases(OneStopUser staff) {
		if (!Cases.handlesCases(staff)) {
			throw new ForbiddenException("application.correction.forbidden");
		}
	}

}
