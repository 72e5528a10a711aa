package org.onestop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Runs a whole integration test class with the platform moved to the morning of fixed
 * days around the 2026 holidays, the days on which tests that counted calendar days
 * instead of working days used to fail.
 */
public final class FixedDates {

	/**
	 * The eve of New Year's Day (a year not in the shipped calendar, then 1–3 January),
	 * the make-up Saturday before the Spring Festival (the window holds nothing else) and
	 * its last Saturday, Labour Day, the eve of the National Day (only the day itself is
	 * bookable), its first day and the first working day after it. All lie in the past:
	 * see {@link TestClock#moveTo}.
	 */
	public static final List<LocalDate> AROUND_THE_HOLIDAYS = Stream
		.of("2025-12-31", "2026-02-14", "2026-02-21", "2026-05-01", "2026-09-30", "2026-10-01", "2026-10-08")
		.map(LocalDate::parse)
		.toList();

	private FixedDates() {
	}

	/**
	 * Every test of the suite on every day, a new instance each (autowired from the
	 * running context, as JUnit would), between its {@code @BeforeEach} and
	 * {@code @AfterEach} methods. The clock is moved first, so a suite's
	 * {@code @BeforeEach} must leave a moved clock alone. {@code cleanUp} gets the moment
	 * each test began, before the clock goes back to the real time.
	 */
	public static Stream<DynamicContainer> run(Class<?> suite, List<LocalDate> days, AutowireCapableBeanFactory beans,
			TestClock clock, BiConsumer<Instant, Instant> cleanUp) {
		List<Method> tests = annotated(suite, Test.class);
		// -Donestop.test.days=2026-09-30,... runs only those of the days (to look into
		// one).
		String only = System.getProperty("onestop.test.days", "");
		return days.stream()
			.filter(day -> only.isBlank() || only.contains(day.toString()))
			.map(day -> DynamicContainer.dynamicContainer(day.toString(),
					tests.stream()
						.map(test -> DynamicTest.dynamicTest(test.getName(),
								() -> runOne(suite, test, day, beans, clock, cleanUp)))));
	}

	private static void runOne(Class<?> suite, Method test, LocalDate day, AutowireCapableBeanFactory beans,
			TestClock clock, BiConsumer<Instant, Instant> cleanUp) throws Throwable {
		clock.moveToMorningOf(day);
		Instant began = clock.instant();
		Instant ended = began;
		try {
			Object instance = newInstance(suite);
			beans.autowireBean(instance);
			for (Method before : annotated(suite, BeforeEach.class)) {
				invoke(before, instance);
			}
			try {
				invoke(test, instance);
			}
			finally {
				// Before the suite's @AfterEach, which may set the clock back.
				ended = clock.instant();
				for (Method after : annotated(suite, AfterEach.class)) {
					invoke(after, instance);
				}
			}
		}
		finally {
			cleanUp.accept(began, ended);
			clock.reset();
		}
	}

	private static List<Method> annotated(Class<?> suite, Class<? extends java.lang.annotation.Annotation> kind) {
		return Arrays.stream(suite.getDeclaredMethods())
			.filter(m -> m.isAnnotationPresent(kind))
			.sorted(Comparator.comparing(Method::getName))
			.peek(m -> m.setAccessible(true))
			.toList();
	}

	private static Object newInstance(Class<?> suite) throws ReflectiveOperationException {
		var constructor = suite.getDeclaredConstructor();
		constructor.setAccessible(true);
		return constructor.newInstance();
	}

	private static void invoke(Method method, Object instance) throws Throwable {
		try {
			method.invoke(instance);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
