package org.onestop;

import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.onestop.platform.PlatformProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the integration tests' platform the {@link TestClock}: to every bean that asks
 * for a clock, and to Flowable, so that a case's timers (set from working days counted by
 * the same clock) fire when the platform thinks they are due, not by the real time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	TestClock testClock(PlatformProperties properties) {
		return new TestClock(properties.timeZone());
	}

	@Bean
	FlowableFollows flowableFollowsTheTestClock(TestClock clock) {
		return new FlowableFollows(clock);
	}

	/**
	 * For a second OneStop node started by a test: the same clock (moved with the first
	 * node's), there and in its Flowable.
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> sharing(TestClock clock) {
		return context -> {
			context.getBeanFactory().registerSingleton("clock", clock);
			context.getBeanFactory().registerSingleton("flowableFollowsTheTestClock", new FlowableFollows(clock));
		};
	}

	/** Sets Flowable's clock before its engine is built. */
	static final class FlowableFollows implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

		private final TestClock clock;

		FlowableFollows(TestClock clock) {
			this.clock = clock;
		}

		@Override
		public void configure(SpringProcessEngineConfiguration configuration) {
			configuration.setClock(new FlowableClock(clock));
		}

	}

	/**
	 * Flowable's view of the {@link TestClock}; setting it moves the platform's clock.
	 */
	static final class FlowableClock implements Clock {

		private final TestClock clock;

		FlowableClock(TestClock clock) {
			this.clock = clock;
		}

		@Override
		public Date getCurrentTime() {
			return Date.from(clock.instant());
		}

		@Override
		public Calendar getCurrentCalendar() {
			return getCurrentCalendar(TimeZone.getDefault());
		}

		@Override
		public Calendar getCurrentCalendar(TimeZone timeZone) {
			Calendar calendar = new GregorianCalendar(timeZone);
			calendar.setTime(getCurrentTime());
			return calendar;
		}

		@Override
		public TimeZone getCurrentTimeZone() {
			return TimeZone.getDefault();
		}

		@Override
		public void setCurrentTime(Date time) {
			clock.moveTo(Instant.ofEpochMilli(time.getTime()));
		}

		@Override
		public void setCurrentCalendar(Calendar time) {
			setCurrentTime(time.getTime());
		}

		@Override
		public void reset() {
			clock.reset();
		}

	}

}
