package org.onestop.appointment.booking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.PlatformProperties;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appointment reminders: the day before from 09:00 and an hour before the slot, once
 * each, even with two sweeps racing; none for a window the booking was made in, none for
 * a cancelled appointment. The sweeps are run at chosen moments on a day far ahead that
 * no other test books.
 */
@IntegrationTest
class AppointmentRemindersIntegrationTests {

	static final String HALL = "HALL-WEST";

	@Autowired
	Reminders reminders;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	Residents residents;

	@Autowired
	PlatformProperties platform;

	ZoneId zone() {
		return platform.timeZone();
	}

	LocalDate day() {
		return LocalDate.now(zone()).plusDays(70);
	}

	Instant at(LocalDate day, int hour, int minute) {
		return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(zone()).toInstant();
	}

	@Test
	void theDayBeforeFromNineOnceEvenWhenTwoSweepsRace() throws Exception {
		List<Citizen> citizens = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Citizen citizen = accounts.register(residents.aged(40).create());
			citizens.add(citizen);
			book(citizen.username(), at(day(), 10, 0), at(day().minusDays(2), 15, 0), "BOOKED");
		}
		reminders.dayBefore(at(day().minusDays(1), 8, 59));
		assertThat(reminded(citizens.get(0).username(), "appointment.reminder.day-before")).isZero();

		Instant nine = at(day().minusDays(1), 9, 0);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> sweeps = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				sweeps.add(pool.submit((Callable<Integer>) () -> reminders.dayBefore(nine)));
			}
			for (Future<Integer> sweep : sweeps) {
				sweep.get();
			}
		}
		finally {
			pool.shutdown();
		}
		reminders.dayBefore(at(day().minusDays(1), 20, 0));
		for (Citizen citizen : citizens) {
			assertThat(reminded(citizen.username(), "appointment.reminder.day-before")).isEqualTo(1);
			assertThat(texts(citizen.username(), "appointment.reminder.day-before")).isEqualTo(1);
		}
		assertThat(db
			.sql("SELECT body FROM notification_outbox WHERE recipient = :c AND channel = 'SMS' AND template = :t")
			.param("t", "appointment.reminder.day-before")
			.param("c", citizens.get(0).username())
			.query(String.class)
			.single()).contains(day().toString()).contains("10:00");
	}

	@Test
	void anHourBeforeTheSlotOnceEvenInQuietHours() throws Exception {
		Citizen citizen = accounts.register(residents.aged(40).create());
		book(citizen.username(), at(day(), 8, 30), at(day().minusDays(3), 15, 0), "BOOKED");
		reminders.sameDay(at(day(), 7, 29));
		assertThat(reminded(citizen.username(), "appointment.reminder.same-day")).isZero();
		reminders.sameDay(at(day(), 7, 30));
		reminders.sameDay(at(day(), 7, 45));
		assertThat(reminded(citizen.username(), "appointment.reminder.same-day")).isEqualTo(1);
		assertThat(texts(citizen.username(), "appointment.reminder.same-day")).isEqualTo(1);
		assertThat(db.sql("SELECT quiet_hours_exempt FROM notification_kind WHERE template = :t")
			.param("t", "appointment.reminder.same-day")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void noReminderForAWindowBookedInNorForACancelledAppointment() throws Exception {
		Citizen late = accounts.register(residents.aged(40).create());
		book(late.username(), at(day(), 11, 0), at(day().minusDays(1), 9, 30), "BOOKED");
		Citizen lastMinute = accounts.register(residents.aged(40).create());
		book(lastMinute.username(), at(day(), 11, 0), at(day(), 10, 15), "BOOKED");
		Citizen cancelled = accounts.register(residents.aged(40).create());
		book(cancelled.username(), at(day(), 11, 0), at(day().minusDays(5), 9, 30), "CANCELLED");

		reminders.dayBefore(at(day().minusDays(1), 12, 0));
		reminders.sameDay(at(day(), 10, 30));

		assertThat(reminded(late.username(), "appointment.reminder.day-before")).isZero();
		assertThat(reminded(late.username(), "appointment.reminder.same-day")).isEqualTo(1);
		assertThat(reminded(lastMinute.username(), "appointment.reminder.same-day")).isZero();
		assertThat(reminded(cancelled.username(), "appointment.reminder.day-before")).isZero();
		assertThat(reminded(cancelled.username(), "appointment.reminder.same-day")).isZero();
	}

	@Test
	void theDayBeforeReminderIsNotClaimedOnceQuietHoursBegin() throws Exception {
		LocalDate day = day().plusDays(1);
		Citizen citizen = accounts.register(residents.aged(40).create());
		book(citizen.username(), at(day, 10, 0), at(day.minusDays(3), 15, 0), "BOOKED");
		reminders.dayBefore(at(day.minusDays(1), 21, 0));
		reminders.dayBefore(at(day.minusDays(1), 23, 30));
		assertThat(reminded(citizen.username(), "appointment.reminder.day-before")).isZero();
		assertThat(claimed(citizen.username())).isFalse();
		reminders.dayBefore(at(day.minusDays(1), 20, 59));
		assertThat(reminded(citizen.username(), "appointment.reminder.day-before")).isEqualTo(1);
	}

	@Test
	void oneReminderThatCannotBeSentDoesNotHoldBackTheOthers() throws Exception {
		LocalDate day = day().plusDays(2);
		// No message can be made for a recipient this long: sending it fails.
		String broken = "x".repeat(101);
		book(broken, at(day, 9, 0), at(day.minusDays(3), 15, 0), "BOOKED");
		Citizen citizen = accounts.register(residents.aged(40).create());
		book(citizen.username(), at(day, 9, 0), at(day.minusDays(3), 15, 0), "BOOKED");
		reminders.dayBefore(at(day.minusDays(1), 10, 0));
		assertThat(reminded(citizen.username(), "appointment.reminder.day-before")).isEqualTo(1);
		assertThat(texts(citizen.username(), "appointment.reminder.day-before")).isEqualTo(1);
		// The failed one stays claimed, so it is not tried again every minute.
		assertThat(claimed(broken)).isTrue();
	}

	private boolean claimed(String citizen) {
		return db.sql("SELECT bool_and(reminded_day_before_at IS NOT NULL) FROM appointment WHERE citizen = :c")
			.param("c", citizen)
			.query(Boolean.class)
			.single();
	}

	private void book(String citizen, Instant start, Instant bookedAt, String status) {
		String service = db
			.sql("SELECT min(service_code) FROM appointment_group_matter WHERE hall = :h AND group_code = 'A'")
			.param("h", HALL)
			.query(String.class)
			.single();
		long slot = db
			.sql("""
					INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked)
					VALUES (:h, 'A', :d, :s, :e, 10, 7, 1)
					ON CONFLICT (hall, group_code, starts_at) DO UPDATE SET booked = appointment_slot.booked
					RETURNING id""")
			.param("h", HALL)
			.param("d", Date.valueOf(LocalDate.ofInstant(start, zone())))
			.param("s", Timestamp.from(start))
			.param("e", Timestamp.from(start.plus(Duration.ofMinutes(15))))
			.query(Long.class)
			.single();
		db.sql("""
				INSERT INTO appointment (id, booking_code, citizen, id_number, slot_id, hall, group_code, service_code, day,
				  status, booked_at, changed_at, channel)
				VALUES (:id, :code, :c, '-', :slot, :h, 'A', :s, :d, :status, :at, :at, 'WEB')""")
			.param("id", UUID.randomUUID())
			.param("code", "R" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toUpperCase())
			.param("c", citizen)
			.param("slot", slot)
			.param("h", HALL)
			.param("s", service)
			.param("d", Date.valueOf(LocalDate.ofInstant(start, zone())))
			.param("status", status)
			.param("at", Timestamp.from(bookedAt))
			.update();
	}

	private int reminded(String citizen, String key) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :c AND subject_key = :k")
			.param("c", citizen)
			.param("k", key)
			.query(Integer.class)
			.single();
	}

	private int texts(String citizen, String key) {
		return db.sql("""
				SELECT count(*) FROM notification_outbox WHERE recipient = :c AND template = :k AND channel = 'SMS'
				  AND status = 'CREATED' AND address IS NOT NULL""")
			.param("c", citizen)
			.param("k", key)
			.query(Integer.class)
			.single();
	}

}
