package org.onestop.appointment.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Capacity and the booking window, as plain rules. */
class BookingRulesTests {

	@Test
	void capacityComesFromCountersAndServiceTimeLessTheWalkInShare() {
		// 3 counters × 15 minutes ÷ 10 minutes a citizen = 4 places; 30 % of them
		// (rounded up: 2) kept for walk-ins.
		assertThat(Slots.Capacity.of(3, 15, 10, 0.30)).isEqualTo(new Slots.Capacity(4, 2));
		assertThat(Slots.Capacity.of(100, 15, 10, 0.30)).isEqualTo(new Slots.Capacity(150, 105));
		assertThat(Slots.Capacity.of(1, 15, 15, 0.30)).isEqualTo(new Slots.Capacity(1, 0));
		assertThat(Slots.Capacity.of(2, 15, 10, 0.0)).isEqualTo(new Slots.Capacity(3, 3));
		assertThat(Slots.Capacity.of(0, 15, 10, 0.3)).isEqualTo(new Slots.Capacity(0, 0));
		assertThat(Slots.Capacity.of(-1, 15, 10, 0.3)).isEqualTo(new Slots.Capacity(0, 0));
		// A counter shared by two groups gives each half: 2.5 counters × 15 ÷ 10 = 3
		// places, 1 of them for walk-ins.
		assertThat(Slots.Capacity.of(2.5, 15, 10, 0.30)).isEqualTo(new Slots.Capacity(3, 2));
	}

	@Test
	void theNewestDayOpensAtTheDailyOpeningTime() {
		LocalDate today = LocalDate.of(2026, 12, 1);
		LocalTime eight = LocalTime.of(8, 0);
		assertThat(Booking.bookable(7, eight, today.atTime(7, 59), today.plusDays(7))).isFalse();
		assertThat(Booking.bookable(7, eight, today.atTime(8, 0), today.plusDays(7))).isTrue();
		assertThat(Booking.bookable(7, eight, today.atTime(7, 59), today.plusDays(6))).isTrue();
		assertThat(Booking.bookable(7, eight, today.atTime(12, 0), today.plusDays(8))).isFalse();
		assertThat(Booking.bookable(7, eight, today.atTime(12, 0), today.minusDays(1))).isFalse();
		assertThat(Booking.bookable(7, eight, LocalDateTime.of(today, LocalTime.NOON), today)).isTrue();
	}

}
