package org.onestop.appointment.booking;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.platform.WorkingCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next free date (the hall board's, and the booking page's for one group) on real
 * PostgreSQL: days outside the booking window and full days are skipped, days whose slots
 * were never made are made first, and the first day with an online place left is the
 * answer.
 * <p>
 * Full days are made by raising the slots' booked counts, which each test puts back
 * afterwards: other tests book at this hall too.
 */
@IntegrationTest
class NextFreeDateIntegrationTests {

	static final String HALL = "HALL-EAST";

	@Autowired
	Booking booking;

	@Autowired
	Slots slots;

	@Autowired
	Halls halls;

	@Autowired
	JdbcClient db;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	/** The booked counts this test raised, to put back. */
	final Map<Long, Integer> raised = new HashMap<>();

	HallLayout layout;

	String group;

	/**
	 * A working morning whose newest bookable day the hall opens too, so that it can be
	 * the one day left free.
	 */
	@BeforeEach
	void onAWorkingMorningWithTheNewestDayOpen() {
		layout = halls.layout(HALL);
		group = layout.groups().get(0).code();
		clock.moveToLatestWorkingMorning(calendar);
		LocalDate day = clock.today();
		while (halls.hours(HALL, day.plusDays(layout.bookingDaysAhead())).isEmpty() || !calendar.isWorkingDay(day)) {
			day = day.minusDays(1);
		}
		clock.moveToMorningOf(day);
	}

	@AfterEach
	void putBackTheBookedCounts() {
		raised.forEach((slot, booked) -> db.sql("UPDATE appointment_slot SET booked = :b WHERE id = :id")
			.param("b", booked)
			.param("id", slot)
			.update());
		raised.clear();
		clock.reset();
	}

	/** The days of the booking window on which the hall opens, soonest first. */
	List<LocalDate> openDays() {
		LocalDate today = booking.today();
		return new ArrayList<>(halls.openDays(HALL, today, today.plusDays(layout.bookingDaysAhead())).keySet());
	}

	LocalDate newest() {
		return booking.today().plusDays(layout.bookingDaysAhead());
	}

	void makeSlots(List<LocalDate> days) {
		days.forEach(day -> slots.ensure(layout, day));
	}

	/** Every online place of the group that day taken. */
	void fill(LocalDate day) {
		for (Slot slot : slots.of(HALL, group, day)) {
			raised.putIfAbsent(slot.id(), slot.booked());
			db.sql("UPDATE appointment_slot SET booked = online_capacity WHERE id = :id")
				.param("id", slot.id())
				.update();
		}
	}

	boolean anySlotsOn(LocalDate day) {
		return db.sql("SELECT EXISTS (SELECT 1 FROM appointment_slot WHERE hall = :h AND day = :d)")
			.param("h", HALL)
			.param("d", Date.valueOf(day))
			.query(Boolean.class)
			.single();
	}

	@Test
	void fullDaysAreSkippedAndTheFirstDayWithAPlaceIsTheAnswer() {
		List<LocalDate> days = openDays();
		assertThat(days).hasSizeGreaterThanOrEqualTo(3);
		makeSlots(days);
		assertThat(booking.nextFreeDate(HALL, group)).contains(days.get(0));
		fill(days.get(0));
		fill(days.get(1));
		assertThat(booking.nextFreeDate(HALL, group)).contains(days.get(2));
		// The hall board asks about every group: another group's place on the first day
		// counts there.
		assertThat(booking.nextFreeDate(HALL)).contains(days.get(0));
	}

	@Test
	void theNewestDayIsOutsideTheWindowUntilItsBookingOpens() {
		List<LocalDate> days = openDays();
		assertThat(days).contains(newest());
		makeSlots(days);
		days.stream().filter(day -> !day.equals(newest())).forEach(this::fill);
		// Before the daily opening time the newest day's slots exist and are free, but it
		// is not in the window yet.
		clock.moveTo(booking.today().atTime(layout.bookingOpensAt().minusMinutes(30)));
		assertThat(layout.bookingOpensAt()).isAfter(LocalTime.of(0, 30));
		assertThat(booking.nextFreeDate(HALL, group)).isEmpty();
		clock.moveToMorningOf(booking.today());
		assertThat(booking.nextFreeDate(HALL, group)).contains(newest());
	}

	@Test
	void aDayWhoseSlotsWereNeverMadeIsMadeAndAnswered() {
		List<LocalDate> days = openDays();
		assertThat(days).contains(newest());
		makeSlots(days);
		days.stream().filter(day -> !day.equals(newest())).forEach(this::fill);
		// The newest day as if nobody had asked about it yet (no one has booked there:
		// the other tests book on the first open day).
		db.sql("""
				DELETE FROM appointment_slot s WHERE hall = :h AND day = :d
				AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.slot_id = s.id)""")
			.param("h", HALL)
			.param("d", Date.valueOf(newest()))
			.update();
		assertThat(anySlotsOn(newest())).as("the newest day has no slots").isFalse();
		assertThat(booking.nextFreeDate(HALL, group)).contains(newest());
		assertThat(anySlotsOn(newest())).isTrue();
	}

}
