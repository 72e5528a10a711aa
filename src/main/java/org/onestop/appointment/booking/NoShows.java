package org.onestop.appointment.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No-shows: an appointment missed (not checked in by 30 minutes after its slot) or not
 * answered when called. Three in 90 days — not counting those a suspension already
 * answered — suspend online booking for 30 days, with a notice; walk-in tickets are never
 * affected.
 */
@Component
class NoShows {

	static final int NO_SHOWS = 3;
	static final Duration NO_SHOW_WINDOW = Duration.ofDays(90);
	static final Duration SUSPENSION = Duration.ofDays(30);

	/**
	 * How long after a slot ends an appointment that was never checked in counts as
	 * missed.
	 */
	static final Duration GRACE = Duration.ofMinutes(30);

	private final AppointmentStore appointments;

	private final SuspensionStore suspensions;

	private final Inbox inbox;

	private final Clock clock;

	NoShows(AppointmentStore appointments, SuspensionStore suspensions, Inbox inbox, Clock clock) {
		this.appointments = appointments;
		this.suspensions = suspensions;
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * The citizen did not come (or did not answer the call). The place is not given back:
	 * its time has passed. The third no-show within 90 days suspends online booking for
	 * 30 days, with a notice.
	 */
	@Transactional
	public void markNoShow(UUID appointment) {
		appointments.noShow(appointment, clock.instant()).ifPresent(this::applyNoShowRule);
	}

	/**
	 * Appointments whose time has passed without a check-in are no-shows. Every node may
	 * run this: the conditional UPDATE marks each appointment once. Also run for one
	 * citizen before they book again.
	 */
	@Transactional
	public int sweepMissed(String citizenOrNull) {
		Instant now = clock.instant();
		List<String> citizens = appointments.missed(now.minus(GRACE), citizenOrNull, now);
		new TreeSet<>(citizens).forEach(this::applyNoShowRule);
		return citizens.size();
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
	void sweep() {
		sweepMissed(null);
	}

	private void applyNoShowRule(String citizen) {
		// One citizen's no-shows are counted one at a time, so two at once cannot both
		// miss the third.
		suspensions.lockNoShowsOf(citizen);
		// No-shows already answered by a suspension (served or lifted on appeal) do not
		// count again.
		Instant window = clock.instant().minus(NO_SHOW_WINDOW);
		Instant since = suspensions.lastAnswered(citizen).filter(last -> last.isAfter(window)).orElse(window);
		int recent = appointments.noShowsSince(citizen, since);
		if (recent >= NO_SHOWS && !suspensions.suspended(citizen, clock.instant())) {
			suspensions.suspend(citizen, clock.instant(), clock.instant().plus(SUSPENSION),
					recent + " no-shows in 90 days");
			inbox.send(new Message(citizen, "appointment.notice.suspended", List.of(), "/appointments",
					"BOOKING_SUSPENDED"));
		}
	}

}
