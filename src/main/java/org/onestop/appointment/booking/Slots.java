package org.onestop.appointment.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.appointment.CapacityChanged;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.MatterDepartments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time slots and their capacity: open counters for the group × slot minutes ÷ the group's
 * minutes per citizen, less the walk-in share. Slots are written when first needed, with
 * INSERT … ON CONFLICT DO NOTHING, so two nodes making the same day's slots make them
 * once. Public for hall administration, whose changes the existing slots follow.
 */
@Component
public class Slots {

	private final SlotStore store;

	private final Halls halls;

	private final MatterDepartments matterDepartments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	Slots(SlotStore store, Halls halls, MatterDepartments matterDepartments, ApplicationEventPublisher events,
			Clock clock, PlatformProperties properties) {
		this.store = store;
		this.halls = halls;
		this.matterDepartments = matterDepartments;
		this.events = events;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** Capacity of one slot, and the part of it that may be booked online. */
	record Capacity(int total, int online) {

		static Capacity of(double counters, int slotMinutes, int serviceMinutes, double walkInShare) {
			int total = (int) Math.floor(Math.max(0, counters) * slotMinutes / serviceMinutes + 1e-9);
			int walkIns = (int) Math.ceil(walkInShare * total - 1e-9);
			return new Capacity(total, Math.max(0, total - walkIns));
		}
	}

	Capacity capacity(HallLayout hall, HallLayout.Group group, LocalDate day) {
		int delta = store.countersDelta(hall.code(), group.code(), day);
		return Capacity.of(hall.counterShare(group.code()) + delta, hall.slotMinutes(), group.serviceMinutes(),
				hall.walkInShare());
	}

	/**
	 * Makes the day's slots of every group of the hall, if the hall opens that day and
	 * they do not exist yet.
	 */
	void ensure(HallLayout hall, LocalDate day) {
		if (store.anyOn(hall.code(), day)) {
			return;
		}
		Optional<Halls.Hours> hours = halls.hours(hall.code(), day);
		if (hours.isEmpty()) {
			return;
		}
		for (HallLayout.Group group : hall.groups()) {
			Capacity capacity = capacity(hall, group, day);
			for (LocalDateTime start = day.atTime(hours.get().opens()); !start.plusMinutes(hall.slotMinutes())
				.isAfter(day.atTime(hours.get().closes())); start = start.plusMinutes(hall.slotMinutes())) {
				store.add(hall.code(), group.code(), day, start.atZone(zone).toInstant(),
						start.plusMinutes(hall.slotMinutes()).atZone(zone).toInstant(), capacity);
			}
		}
	}

	List<Slot> of(String hall, String group, LocalDate day) {
		return store.of(hall, group, day);
	}

	/**
	 * For each day from {@code from} to {@code to} whose slots of these groups exist:
	 * whether any of them, still to start after {@code now}, has an online place left.
	 */
	Map<LocalDate, Boolean> freeByDay(String hall, List<String> groups, LocalDate from, LocalDate to, Instant now) {
		return store.freeByDay(hall, groups, from, to, now);
	}

	Optional<Slot> find(long id) {
		return store.find(id);
	}

	/** Takes one online place of the slot; false when none is left. */
	boolean takePlace(long slot) {
		return store.takePlace(slot);
	}

	void giveBackPlace(long slot) {
		store.giveBackPlace(slot);
	}

	/**
	 * Locks both slots, lowest id first, so that two citizens swapping slots cannot
	 * deadlock.
	 */
	void lockInOrder(long a, long b) {
		store.lockInOrder(a, b);
	}

	/**
	 * Every group's existing slots from {@code from} on follow a change of the hall's
	 * settings.
	 */
	public void recomputeAll(HallLayout hall, LocalDate from) {
		for (LocalDate day : store.daysFrom(hall.code(), from)) {
			hall.groups().forEach(group -> recompute(hall, group, day));
		}
	}

	/**
	 * A day's capacity changed: existing slots follow, but never below what is already
	 * booked.
	 */
	void recompute(HallLayout hall, HallLayout.Group group, LocalDate day) {
		store.resize(hall.code(), group.code(), day, capacity(hall, group, day));
	}

	/**
	 * Administrators and department heads add or remove counters for a group on a day.
	 * Capacity is kept per hall, group and day, and a group's counters serve every matter
	 * of the group, so a change moves the places of all of them: a head may change only a
	 * group whose matters are all their own department's; a group shared with another
	 * department (or serving nothing) is the administrator's.
	 */
	@Transactional
	public void changeCapacity(OneStopUser staff, String hall, String group, LocalDate day, int countersDelta,
			String reason) {
		if (!staff.has(Role.ADMIN) && !staff.has(Role.DEPARTMENT_HEAD)) {
			throw new ForbiddenException("appointment.capacity.forbidden");
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (day == null || day.isBefore(today) || day.isAfter(today.plusDays(365))) {
			throw new InvalidInputException("date", "appointment.capacity.date.range");
		}
		HallLayout layout = halls.layout(hall);
		HallLayout.Group g = layout.group(group)
			.orElseThrow(() -> new InvalidInputException("group", "appointment.group.not-found", group));
		if (!staff.has(Role.ADMIN) && !onlyMattersOf(staff.department(), g.serviceCodes())) {
			throw new ForbiddenException("appointment.capacity.other-department", group, hall);
		}
		if (reason == null || reason.isBlank() || reason.length() > 200) {
			throw new InvalidInputException("reason", "appointment.capacity.reason.required");
		}
		if (countersDelta < -layout.countersFor(group) || countersDelta > 1000) {
			throw new InvalidInputException("countersDelta", "appointment.capacity.delta.range");
		}
		store.changeCounters(hall, group, day, countersDelta, reason.strip(), staff.username(), clock.instant());
		// Make the day's slots first (if it is in the window), so a concurrent first
		// request cannot miss the change.
		ensure(layout, day);
		recompute(layout, g, day);
		events.publishEvent(new CapacityChanged(staff.username(), hall, group, day, countersDelta, reason.strip()));
	}

	private boolean onlyMattersOf(String department, List<String> serviceCodes) {
		if (department == null || serviceCodes.isEmpty()) {
			return false;
		}
		Map<String, String> departments = matterDepartments.of(serviceCodes);
		return serviceCodes.stream().allMatch(code -> department.equals(departments.get(code)));
	}

}
