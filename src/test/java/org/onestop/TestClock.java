package org.onestop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.onestop.platform.WorkingCalendar;

/**
 * The platform's one clock in integration tests: the real time until a test moves the
 * whole platform to a chosen moment, from which time passes as usual (a frozen clock
 * would stop what orders by time, such as timelines and token expiry). Every bean that
 * asks for a {@link Clock} gets this one, and so does Flowable (its timers fire by this
 * time, see {@link TestClockConfiguration}); PostgreSQL's {@code now()} does not follow
 * it, which is why no OneStop query uses {@code now()} and tests must not either.
 */
public final class TestClock extends Clock {

	/**
	 * Early on a working day: the day's slots are all ahead, the newest bookable day
	 * open.
	 */
	public static final LocalTime MORNING = LocalTime.of(8, 30);

	private final ZoneId zone;

	private volatile Duration offset = Duration.ZERO;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Moves the platform to this moment; time goes on from there. Never ahead of the real
	 * time: what a test leaves stamped in the future (a registration throttle's window, a
	 * booking that the no-show sweep would judge, a staff member's newest notification)
	 * would still be "now" for the tests after it.
	 */
	public void moveTo(Instant moment) {
		Instant real = Instant.now();
		if (moment.isAfter(real)) {
			throw new IllegalArgumentException("Tests may move the platform back, not ahead: " + moment);
		}
		offset = Duration.between(real, moment);
	}

	/** Moves the platform to this moment of the city's time. */
	public void moveTo(LocalDateTime cityTime) {
		moveTo(cityTime.atZone(zone).toInstant());
	}

	/** Moves the platform to {@link #MORNING} of this day. */
	public void moveToMorningOf(LocalDate day) {
		moveTo(day.atTime(MORNING));
	}

	/**
	 * Moves the platform to {@link #MORNING} of the latest working day whose morning has
	 * come: a day the halls open and whose slots are all ahead, whatever the real date
	 * (on a holiday or a weekend, the last working day before it).
	 */
	public void moveToLatestWorkingMorning(WorkingCalendar calendar) {
		LocalDateTime real = LocalDateTime.now(zone);
		LocalDate day = real.toLocalTime().isBefore(MORNING) ? real.toLocalDate().minusDays(1) : real.toLocalDate();
		while (!calendar.isWorkingDay(day)) {
			day = day.minusDays(1);
		}
		moveToMorningOf(day);
	}

	/** Back to the real time. */
	public void reset() {
		offset = Duration.ZERO;
	}

	public boolean moved() {
		return !offset.isZero();
	}

	/** Today in the city, by this clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(instant(), zone);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** A view in another zone that still follows this clock when it is moved. */
	@Override
	public Clock withZone(ZoneId other) {
		if (other.equals(zone)) {
			return this;
		}
		TestClock self = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return other;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return self.withZone(zone);
			}

		};
	}

}
