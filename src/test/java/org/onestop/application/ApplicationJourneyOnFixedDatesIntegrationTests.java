package org.onestop.application;

import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.onestop.FixedDates;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * The application journeys on fixed days around the 2026 holidays: the supplement round
 * once needed four working days in the last seven calendar days, which early October and
 * the Spring Festival do not have.
 */
@IntegrationTest
class ApplicationJourneyOnFixedDatesIntegrationTests {

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	TestClock clock;

	@Autowired
	RuntimeService processes;

	@TestFactory
	Stream<DynamicContainer> journeysAroundTheHolidays() {
		return FixedDates.run(ApplicationJourneyIntegrationTests.class, FixedDates.AROUND_THE_HOLIDAYS, beans, clock,
				this::endCasesStartedBetween);
	}

	/**
	 * Cases begun on a day months ago are long overdue by the real time: their timers
	 * would fire, and their notices reach the staff accounts other tests read, as soon as
	 * the clock went back. Their processes end here; only this test's began then.
	 */
	void endCasesStartedBetween(Instant began, Instant ended) {
		for (int attempt = 1;; attempt++) {
			try {
				processes.createProcessInstanceQuery()
					.startedAfter(Date.from(began.minusSeconds(1)))
					.startedBefore(Date.from(ended.plusSeconds(1)))
					.list()
					.forEach(p -> processes.deleteProcessInstance(p.getId(), "test on a fixed date is over"));
				return;
			}
			catch (FlowableOptimisticLockingException ex) {
				// Seen once in 63 runs: a timer of the case changed under the
				// deletion (cause not found yet); the next attempt reads it again.
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

}
