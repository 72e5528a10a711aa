package org.onestop.appointment.hall;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.onestop.appointment.HallChanged;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.booking.Slots;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.StaffDirectory;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.LocalizedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators set a hall's booking rules, hours, groups and counters, and who works
 * its counters. A change that moves capacity brings the existing slots from today on
 * along, in the same transaction.
 */
@Service
public class HallAdministration {

	private final HallLayoutStore store;

	private final Halls halls;

	private final ApplicationEventPublisher events;

	private final StaffDirectory staffDirectory;

	private final Slots slots;

	private final Clock clock;

	private final ZoneId zone;

	HallAdministration(HallLayoutStore store, Halls halls, ApplicationEventPublisher events,
			StaffDirectory staffDirectory, Slots slots, Clock clock, PlatformProperties properties) {
		this.store = store;
		this.halls = halls;
		this.events = events;
		this.staffDirectory = staffDirectory;
		this.slots = slots;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** The settings an administrator may change. */
	public record Settings(Double walkInShare, Integer bookingDaysAhead, LocalTime bookingOpensAt, Integer dailyLimit,
			Integer maxSkips) {
	}

	@Transactional
	public HallLayout settings(OneStopUser admin, String hall, Settings s) {
		HallLayout current = halls.layout(hall);
		List<FieldProblem> problems = new ArrayList<>();
		double share = s.walkInShare() == null ? current.walkInShare() : s.walkInShare();
		int days = s.bookingDaysAhead() == null ? current.bookingDaysAhead() : s.bookingDaysAhead();
		int limit = s.dailyLimit() == null ? current.dailyLimit() : s.dailyLimit();
		int skips = s.maxSkips() == null ? current.maxSkips() : s.maxSkips();
		if (share < 0 || share > 1) {
			problems.add(new FieldProblem("walkInShare", "appointment.settings.walk-in-share"));
		}
		if (days < 1 || days > 60) {
			problems.add(new FieldProblem("bookingDaysAhead", "appointment.settings.days-ahead"));
		}
		if (limit < 1 || limit > 20) {
			problems.add(new FieldProblem("dailyLimit", "appointment.settings.daily-limit"));
		}
		if (skips < 0 || skips > 50) {
			problems.add(new FieldProblem("maxSkips", "appointment.settings.max-skips"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalTime opens = s.bookingOpensAt() == null ? current.bookingOpensAt() : s.bookingOpensAt();
		store.changeSettings(hall, share, days, opens, limit, skips);
		slots.recomputeAll(halls.layout(hall), today());
		events.publishEvent(new HallChanged(admin.username(), hall, "settings: walk-in share " + share + ", " + days
				+ " days ahead from " + opens + ", daily limit " + limit + ", max skips " + skips));
		return halls.layout(hall);
	}

	/** A matter group as an administrator defines it. */
	public record GroupDefinition(String nameZh, String nameEn, Integer serviceMinutes, List<String> serviceCodes) {
	}

	/** A counter as an administrator defines it. */
	public record CounterDefinition(String nameZh, String nameEn, List<String> groups) {
	}

	/**
	 * Opening hours of one weekday (1 = Monday); both null closes the hall that weekday.
	 */
	public record Hours(LocalTime opens, LocalTime closes) {
	}

	@Transactional
	public HallLayout hours(OneStopUser admin, String hall, int weekday, Hours hours) {
		halls.layout(hall);
		if (weekday < 1 || weekday > 7) {
			throw new InvalidInputException("weekday", "appointment.hours.weekday");
		}
		if (hours == null || hours.opens() == null || hours.closes() == null) {
			store.closeOn(hall, weekday);
		}
		else {
			if (!hours.closes().isAfter(hours.opens())) {
				throw new InvalidInputException("closes", "appointment.hours.order");
			}
			store.openOn(hall, weekday, hours.opens(), hours.closes());
		}
		events.publishEvent(new HallChanged(admin.username(), hall, "hours of weekday " + weekday + ": " + hours));
		return halls.layout(hall);
	}

	/**
	 * Creates or redefines a group; its matters move to it (a matter belongs to one group
	 * per hall).
	 */
	@Transactional
	public HallLayout group(OneStopUser admin, String hall, String code, GroupDefinition g) {
		halls.layout(hall);
		List<FieldProblem> problems = new ArrayList<>();
		if (code == null || !code.matches("[A-Z]")) {
			problems.add(new FieldProblem("code", "appointment.group.code"));
		}
		if (g.nameZh() == null || g.nameZh().isBlank() || g.nameEn() == null || g.nameEn().isBlank()) {
			problems.add(new FieldProblem("name", "appointment.group.name"));
		}
		if (g.serviceMinutes() == null || g.serviceMinutes() < 1 || g.serviceMinutes() > 240) {
			problems.add(new FieldProblem("serviceMinutes", "appointment.group.minutes"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<String> services = g.serviceCodes() == null ? List.of()
				: g.serviceCodes().stream().map(String::strip).toList();
		store.putGroup(hall, code, new LocalizedText(g.nameZh().strip(), g.nameEn().strip()), g.serviceMinutes(),
				services);
		events.publishEvent(new HallChanged(admin.username(), hall, "group " + code + ": " + g));
		HallLayout layout = halls.layout(hall);
		slots.recomputeAll(layout, today());
		return layout;
	}

	/** Creates or redefines a counter and the groups it serves. */
	@Transactional
	public HallLayout counter(OneStopUser admin, String hall, String id, CounterDefinition c) {
		HallLayout layout = halls.layout(hall);
		if (id == null || !id.matches("[A-Za-z0-9-]{1,10}")) {
			throw new InvalidInputException("id", "appointment.counter.id");
		}
		if (c.nameZh() == null || c.nameZh().isBlank() || c.nameEn() == null || c.nameEn().isBlank()) {
			throw new InvalidInputException("name", "appointment.counter.name");
		}
		List<String> groups = c.groups() == null ? List.of() : c.groups();
		for (String group : groups) {
			if (layout.group(group).isEmpty()) {
				throw new InvalidInputException("groups", "appointment.group.not-found", group);
			}
		}
		store.putCounter(hall, id, new LocalizedText(c.nameZh().strip(), c.nameEn().strip()), groups);
		events.publishEvent(new HallChanged(admin.username(), hall, "counter " + id + " serves " + groups));
		HallLayout changed = halls.layout(hall);
		slots.recomputeAll(changed, today());
		return changed;
	}

	/** The person works the hall's counters from now on. */
	@Transactional
	public void assign(OneStopUser admin, String hall, String username) {
		halls.layout(hall);
		if (!staffDirectory.isStaff(username)) {
			throw new NotFoundException("appointment.staff.not-found");
		}
		store.assign(hall, username);
		events.publishEvent(new HallChanged(admin.username(), hall, "assigned " + username));
	}

	/** The person no longer works the hall's counters. */
	@Transactional
	public void unassign(OneStopUser admin, String hall, String username) {
		halls.layout(hall);
		store.unassign(hall, username);
		events.publishEvent(new HallChanged(admin.username(), hall, "unassigned " + username));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

}
