package org.onestop.appointment.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.appointment.Appointments;
import org.onestop.appointment.BookedAppointment;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.WorkingCalendar;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No-shows a suspension already answered (served, or lifted on appeal) are not counted
 * again: after one, a citizen is suspended again only by three new no-shows in 90 days.
 * No-shows are made as the hall makes them ({@link Appointments#markNoShow}); time that
 * has passed (a suspension served, no-shows long ago) is made by moving the citizen's
 * history back, as the platform's clock cannot go ahead of the real time.
 */
@IntegrationTest
class NoShowsAfterSuspensionIntegrationTests {

	static final String HALL = "HALL-WEST";

	/** One group's matters: no refusal for a second active appointment in one matter. */
	static final String[] MATTERS = { "HR-SSC-001", "HR-PEN-001", "HR-PEN-002" };

	@Autowired
	Booking booking;

	@Autowired
	Appointments appointments;

	@Autowired
	Appeals appeals;

	@Autowired
	JdbcClient db;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Residents residents;

	OneStopUser citizen;

	@BeforeEach
	void aNewCitizenOnAWorkingMorning() {
		clock.moveToLatestWorkingMorning(calendar);
		Resident r = residents.aged(30).create();
		citizen = new OneStopUser(r.username(), r.name(), false, r.idNumber().value(), null, Set.of());
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	@Test
	void afterASuspensionLiftedOnAppealOnlyThreeNewNoShowsSuspendAgain() {
		List<LocalDate> days = twoOpenDays();
		missThree(days.get(0));
		assertThat(booking.suspended(citizen.username())).isTrue();
		UUID appeal = appeals.appeal(citizen, "那几天住院了，有诊断证明").id();
		OneStopUser head = new OneStopUser("head.civil", "郑国栋", true, null, "CA", Set.of(Role.DEPARTMENT_HEAD));
		appeals.decide(head, appeal, "LIFTED", "住院属实");
		assertThat(booking.suspended(citizen.username())).isFalse();

		missAndExpect(days.get(1), false, false, true);
	}

	@Test
	void afterASuspensionServedOnlyThreeNewNoShowsSuspendAgain() {
		List<LocalDate> days = twoOpenDays();
		missThree(days.get(0));
		assertThat(booking.suspended(citizen.username())).isTrue();
		// 31 days on: the suspension has been served, its three no-shows are still within
		// 90 days.
		moveHistoryBack(31);
		assertThat(booking.suspended(citizen.username())).isFalse();

		missAndExpect(days.get(1), false, false, true);
	}

	@Test
	void noShowsAfterASuspensionThatEndedOverNinetyDaysAgoCountOnlyWithinNinetyDays() {
		List<LocalDate> days = twoOpenDays();
		missThree(days.get(0));
		assertThat(booking.suspended(citizen.username())).as("three no-shows suspend").isTrue();
		// The suspension ended 95 days ago; two no-shows since, 92 days ago: outside the
		// window, so they do not count although they came after the suspension.
		moveHistoryBack(125);
		List<UUID> later = List.of(miss(days.get(1), MATTERS[0]), miss(days.get(1), MATTERS[1]));
		db.sql("UPDATE appointment SET changed_at = :at WHERE id IN (:ids)")
			.param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(92))))
			.param("ids", later)
			.update();
		miss(days.get(1), MATTERS[2]);
		assertThat(booking.suspended(citizen.username())).as("one no-show within 90 days").isFalse();
	}

	/** Two open days of the booking window with enough slots ahead for three bookings. */
	List<LocalDate> twoOpenDays() {
		// A long holiday can leave one open day in the window: step back a working
		// morning at a time until two are in it (never ahead of the real time).
		for (int back = 0; back < 15; back++) {
			LocalDate today = booking.today();
			List<LocalDate> days = new ArrayList<>();
			for (int d = 0; d <= 7 && days.size() < 2; d++) {
				if (booking.slots(HALL, MATTERS[0], today.plusDays(d)).size() >= 3) {
					days.add(today.plusDays(d));
				}
			}
			if (days.size() == 2) {
				return days;
			}
			LocalDate earlier = today.minusDays(1);
			while (!calendar.isWorkingDay(earlier)) {
				earlier = earlier.minusDays(1);
			}
			clock.moveToMorningOf(earlier);
		}
		throw new AssertionError("no two open days at " + HALL + " in any window of the last fifteen working days");
	}

	/** Books the matter on the day and the citizen does not come. */
	UUID miss(LocalDate day, String matter) {
		List<Slot> slots = booking.slots(HALL, matter, day);
		Slot slot = slots.stream()
			.filter(s -> s.booked() < s.onlineCapacity())
			.reduce((first, second) -> second)
			.orElseThrow();
		BookedAppointment a = booking.book(citizen, slot.id(), matter, null, ContactChannel.WEB);
		appointments.markNoShow(a.id());
		return a.id();
	}

	/** Three no-shows on one day (the hall's daily limit): the third suspends. */
	void missThree(LocalDate day) {
		for (String matter : MATTERS) {
			miss(day, matter);
		}
	}

	/**
	 * Misses the three matters on the day; after each, whether the citizen is suspended.
	 */
	void missAndExpect(LocalDate day, boolean... suspendedAfter) {
		for (int i = 0; i < MATTERS.length; i++) {
			miss(day, MATTERS[i]);
			assertThat(booking.suspended(citizen.username())).as("suspended after new no-show %d", i + 1)
				.isEqualTo(suspendedAfter[i]);
		}
	}

	/** The citizen's no-shows and suspensions, as if so many days had passed since. */
	void moveHistoryBack(int days) {
		String interval = days + " days";
		db.sql("UPDATE appointment SET changed_at = changed_at - CAST(:i AS interval) WHERE citizen = :c")
			.param("i", interval)
			.param("c", citizen.username())
			.update();
		db.sql("""
				UPDATE appointment_suspension SET starts_at = starts_at - CAST(:i AS interval),
				    ends_at = ends_at - CAST(:i AS interval) WHERE citizen = :c""")
			.param("i", interval)
			.param("c", citizen.username())
			.update();
	}

}
