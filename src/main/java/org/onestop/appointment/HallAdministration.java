package org.onestop.appointment;

import java.sql.Time;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.AuditableEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
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

	@Transactional
	public void assign(OneStopUser admin, String hall, String username, boolean works) {
		halls.layout(hall);
		if (works) {
			if (!staffDirectory.isStaff(username)) {
				throw new ProblemException(HttpStatus.NOT_FOUND, "appointment.staff.not-found");
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
