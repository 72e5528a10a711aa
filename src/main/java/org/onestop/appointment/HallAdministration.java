package org.onestop.appointment;

import java.sql.Time;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.AuditableEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators set a hall's booking rules and who works its counters. */
@Service
public class HallAdministration {

	private final JdbcClient db;
	private final Halls halls;
	private final ApplicationEventPublisher events;
	private final org.onestop.identity.StaffDirectory staffDirectory;
	private final Slots slots;
	private final java.time.Clock clock;
	private final java.time.ZoneId zone;

	HallAdministration(JdbcClient db, Halls halls, ApplicationEventPublisher events,
			org.onestop.identity.StaffDirectory staffDirectory, Slots slots, java.time.Clock clock,
			org.onestop.platform.PlatformProperties properties) {
		this.slots = slots;
		this.clock = clock;
		this.zone = properties.timeZone();
		this.staffDirectory = staffDirectory;
		this.db = db;
		this.halls = halls;
		this.events = events;
	}

	/** The settings an administrator may change. */
	public record Settings(Double walkInShare, Integer bookingDaysAhead, LocalTime bookingOpensAt, Integer dailyLimit,
			Integer maxSkips) {
	}

	/** A change to a hall, for the audit log. */
	public record HallChanged(String actor, String hall, String change) implements AuditableEvent {

		@Override
		public String action() {
			return "appointment.hall.changed";
		}

		@Override
		public String subject() {
			return "hall:" + hall;
		}

		@Override
		public String summary() {
			return change;
		}
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
		db.sql("""
				UPDATE appointment_service_hall SET walk_in_share = :share, booking_days_ahead = :days,
				    booking_opens_at = :opens, daily_limit = :limit, max_skips = :skips WHERE code = :h""")
			.param("share", share).param("days", days).param("opens", Time.valueOf(opens)).param("limit", limit)
			.param("skips", skips).param("h", hall).update();
		slots.recomputeAll(halls.layout(hall), java.time.LocalDate.now(clock.withZone(zone)));
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

	/** Opening hours of one weekday (1 = Monday); both null closes the hall that weekday. */
	public record Hours(LocalTime opens, LocalTime closes) {
	}

	@Transactional
	public HallLayout hours(OneStopUser admin, String hall, int weekday, Hours hours) {
		halls.layout(hall);
		if (weekday < 1 || weekday > 7) {
			throw new InvalidInputException("weekday", "appointment.hours.weekday");
		}
		if (hours == null || hours.opens() == null || hours.closes() == null) {
			db.sql("DELETE FROM appointment_hall_hours WHERE hall = :h AND weekday = :d").param("h", hall)
				.param("d", weekday).update();
		}
		else {
			if (!hours.closes().isAfter(hours.opens())) {
				throw new InvalidInputException("closes", "appointment.hours.order");
			}
			db.sql("""
					INSERT INTO appointment_hall_hours (hall, weekday, opens, closes) VALUES (:h, :d, :o, :c)
					ON CONFLICT (hall, weekday) DO UPDATE SET opens = EXCLUDED.opens, closes = EXCLUDED.closes""")
				.param("h", hall).param("d", weekday).param("o", Time.valueOf(hours.opens()))
				.param("c", Time.valueOf(hours.closes())).update();
		}
		events.publishEvent(new HallChanged(admin.username(), hall, "hours of weekday " + weekday + ": " + hours));
		return halls.layout(hall);
	}

	/** Creates or redefines a group; its matters move to it (a matter belongs to one group per hall). */
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
		db.sql("""
				INSERT INTO appointment_group (hall, code, name_zh, name_en, service_minutes) VALUES (:h, :c, :zh, :en, :m)
				ON CONFLICT (hall, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
				    service_minutes = EXCLUDED.service_minutes""")
			.param("h", hall).param("c", code).param("zh", g.nameZh().strip()).param("en", g.nameEn().strip())
			.param("m", g.serviceMinutes()).update();
		for (String service : g.serviceCodes() == null ? List.<String>of() : g.serviceCodes()) {
			db.sql("""
					INSERT INTO appointment_group_matter (hall, group_code, service_code) VALUES (:h, :c, :s)
					ON CONFLICT (hall, service_code) DO UPDATE SET group_code = EXCLUDED.group_code""")
				.param("h", hall).param("c", code).param("s", service.strip()).update();
		}
		events.publishEvent(new HallChanged(admin.username(), hall, "group " + code + ": " + g));
		HallLayout layout = halls.layout(hall);
		slots.recomputeAll(layout, java.time.LocalDate.now(clock.withZone(zone)));
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
		db.sql("""
				INSERT INTO appointment_counter (hall, id, name_zh, name_en) VALUES (:h, :id, :zh, :en)
				ON CONFLICT (hall, id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en""")
			.param("h", hall).param("id", id).param("zh", c.nameZh().strip()).param("en", c.nameEn().strip()).update();
		db.sql("DELETE FROM appointment_counter_group WHERE hall = :h AND counter = :id").param("h", hall).param("id", id)
			.update();
		groups.forEach(group -> db.sql("INSERT INTO appointment_counter_group (hall, counter, group_code) VALUES (:h, :id, :g)")
			.param("h", hall).param("id", id).param("g", group).update());
		events.publishEvent(new HallChanged(admin.username(), hall, "counter " + id + " serves " + groups));
		HallLayout changed = halls.layout(hall);
		slots.recomputeAll(changed, java.time.LocalDate.now(clock.withZone(zone)));
		return changed;
	}

	@Transactional
	public void assign(OneStopUser admin, String hall, String username, boolean works) {
		halls.layout(hall);
		if (works) {
			if (!staffDirectory.isStaff(username)) {
				throw new NotFoundException("appointment.staff.not-found");
			}
			db.sql("INSERT INTO appointment_hall_staff (hall, username) VALUES (:h, :u) ON CONFLICT DO NOTHING")
				.param("h", hall).param("u", username).update();
		}
		else {
			db.sql("DELETE FROM appointment_hall_staff WHERE hall = :h AND username = :u").param("h", hall)
				.param("u", username).update();
		}
		events.publishEvent(new HallChanged(admin.username(), hall, (works ? "assigned " : "unassigned ") + username));
	}
}
