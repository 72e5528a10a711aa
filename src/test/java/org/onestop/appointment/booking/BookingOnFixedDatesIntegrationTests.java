package org.onestop.appointment.booking;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.onestop.FixedDates;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * The booking tests on fixed days around the 2026 holidays: they once looked six calendar
 * days ahead for an open day, and failed whenever a long holiday filled them.
 */
@IntegrationTest
class BookingOnFixedDatesIntegrationTests {

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	TestClock clock;

	@TestFactory
	Stream<DynamicContainer> bookingTestsAroundTheHolidays() {
		// What the tests booked on those days stays: it belongs to citizens of their own.
		return FixedDates.run(BookingIntegrationTests.class, FixedDates.AROUND_THE_HOLIDAYS, beans, clock,
				(began, ended) -> {
				});
	}

}
