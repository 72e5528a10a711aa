package org.onestop.appointment.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A suspended citizen asks a person to look again (a person is one step away); a head of
 * department decides. Only a citizen under an active suspension may appeal, once per
 * suspension until it is decided.
 */
@Service
public class Appeals {

	static final int MAX_PAGE_SIZE = 100;
	static final int MAX_PAGE = 10_000;

	private final SuspensionStore store;

	private final Clock clock;

	Appeals(SuspensionStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * What a person decided: LIFTED ends the citizen's suspension now, UPHELD leaves it.
	 */
	enum Outcome {

		LIFTED, UPHELD;

		static Optional<Outcome> of(String name) {
			return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
		}

	}

	public record Appeal(UUID id, String citizen, String reason, Instant createdAt, Instant decidedAt, String decidedBy,
			String outcome, String note) {
	}

	@Transactional
	public Appeal appeal(OneStopUser citizen, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidInputException("reason", "appointment.appeal.reason.required");
		}
		Instant now = clock.instant();
		UUID id = store.appeal(citizen.username(), reason.strip(), now)
			.orElseThrow(() -> refusal(citizen.username(), now));
		return store.appealOf(id);
	}

	// Nothing was inserted: either there is no suspension to appeal, or its appeal is
	// already waiting for a person.
	private ProblemException refusal(String citizen, Instant now) {
		return new ConflictException(
				store.suspended(citizen, now) ? "appointment.appeal.already-open" : "appointment.appeal.not-suspended");
	}

	/**
	 * One page of the appeals no one has decided yet, oldest first, with how many there
	 * are in all.
	 */
	public record OpenAppeals(List<Appeal> items, int page, int size, long total) {
	}

	public OpenAppeals open(int page, int size) {
		if (page < 0 || page > MAX_PAGE) {
			throw new InvalidInputException("page", "appointment.appeal.page");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "appointment.appeal.size", MAX_PAGE_SIZE);
		}
		return new OpenAppeals(store.openAppeals(size, page * size), page, size, store.openAppealCount());
	}

	/**
	 * LIFTED ends the citizen's suspension now; UPHELD leaves it. Either way the note
	 * says why.
	 */
	@Transactional
	public Appeal decide(OneStopUser staff, UUID id, String outcome, String note) {
		if (!staff.has(Role.ADMIN) && !staff.has(Role.DEPARTMENT_HEAD)) {
			throw new ForbiddenException("appointment.appeal.forbidden");
		}
		Outcome decided = Outcome.of(outcome)
			.orElseThrow(() -> new InvalidInputException("outcome", "appointment.appeal.outcome"));
		if (note == null || note.isBlank() || note.length() > 1000) {
			throw new InvalidInputException("note", "appointment.appeal.note.required");
		}
		Instant now = clock.instant();
		String citizen = store.decide(id, staff.username(), decided, note.strip(), now)
			.orElseThrow(() -> new NotFoundException("appointment.appeal.not-found"));
		if (decided == Outcome.LIFTED) {
			store.lift(citizen, staff.username(), note.strip(), now);
		}
		return store.appealOf(id);
	}

}
