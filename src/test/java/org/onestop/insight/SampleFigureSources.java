package org.onestop.insight;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only figure sources, in every integration test's context (so that it stays one
 * context): {@code sample} publishes whatever a test puts in it, in a section insight
 * does not know; {@code broken} fails when told to. Neither touches a base table.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SampleFigureSources {

	@Bean
	Sample sampleFigureSource() {
		return new Sample("sample",
				List.of(new Measure("sample.visits", Measure.Unit.COUNT, "sample", true),
						new Measure("sample.share", Measure.Unit.SHARE, "sample", false),
						// Visits split by whether it was the first: declared parts of the
						// visits.
						new Measure("sample.first", Measure.Unit.COUNT, "sample", false, "sample.visits"),
						new Measure("sample.again", Measure.Unit.COUNT, "sample", false, "sample.visits")));
	}

	@Bean
	Sample brokenFigureSource() {
		return new Sample("broken", List.of(new Measure("broken.count", Measure.Unit.COUNT, "sample", false)));
	}

	/** A source whose figures, changed months and failures the test sets. */
	public static class Sample implements FigureSource {

		private final String name;

		private final List<Measure> measures;

		final Map<YearMonth, List<Figure>> figures = new ConcurrentHashMap<>();

		final Set<YearMonth> changed = ConcurrentHashMap.newKeySet();

		final List<Instant> asked = java.util.Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger computed = new AtomicInteger();

		volatile boolean failing;

		/** When set, compute waits for it: a refresh held in the middle. */
		volatile CountDownLatch gate;

		volatile CountDownLatch entered;

		/** When set, run inside each computation (in its transaction). */
		volatile Runnable onCompute;

		Sample(String name, List<Measure> measures) {
			this.name = name;
			this.measures = measures;
		}

		void reset() {
			figures.clear();
			changed.clear();
			asked.clear();
			computed.set(0);
			failing = false;
			gate = null;
			entered = null;
			onCompute = null;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public List<Measure> measures() {
			return measures;
		}

		@Override
		public Set<YearMonth> monthsChangedSince(Instant since) {
			asked.add(since);
			if (failing) {
				throw new IllegalStateException("broken on purpose");
			}
			return new TreeSet<>(changed);
		}

		@Override
		public List<Figure> compute(YearMonth month) {
			computed.incrementAndGet();
			if (entered != null) {
				entered.countDown();
			}
			if (onCompute != null) {
				onCompute.run();
			}
			if (gate != null) {
				try {
					gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return figures.getOrDefault(month, List.of());
		}

	}

}
