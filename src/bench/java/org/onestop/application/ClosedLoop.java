package org.onestop.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code threads} workers each run the operation again as soon as it returns, for a
 * warm-up and then a measured window. Only operations that start and end inside the window count, so the
 * rate is completed operations per second of the window and the latencies are whole operations.
 */
final class ClosedLoop {

	/** One operation; throws when it fails (counted as an error, not as a completion). */
	interface Operation {
		void run() throws Exception;
	}

	record Result(String name, int threads, long completed, long errors, double seconds, long[] latenciesNanos) {

		double perSecond() {
			return completed / seconds;
		}

		double percentileMillis(double p) {
			if (latenciesNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
			return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
		}

		String row() {
			return "| %s | %d | %.1f | %.1f | %.1f | %d | %d |".formatted(name, threads, perSecond(), percentileMillis(50),
					percentileMillis(99), completed, errors);
		}
	}

	static final String HEADER = "| what | threads | per second | p50 (ms) | p99 (ms) | completed | errors |\n|---|---:|---:|---:|---:|---:|---:|";

	private ClosedLoop() {
	}

	static Result run(String name, int threads, double warmupSeconds, double measureSeconds, Operation operation)
			throws InterruptedException {
		long start = System.nanoTime();
		long windowStart = start + (long) (warmupSeconds * 1e9);
		long windowEnd = windowStart + (long) (measureSeconds * 1e9);
		AtomicLong errors = new AtomicLong();
		AtomicReference<Throwable> firstError = new AtomicReference<>();
		List<long[]> perThread = new ArrayList<>();
		int[] counts = new int[threads];
		CountDownLatch done = new CountDownLatch(threads);
		for (int t = 0; t < threads; t++) {
			long[][] holder = { new long[4096] };
			int slot = t;
			Thread worker = new Thread(() -> {
				try {
					while (true) {
						long began = System.nanoTime();
						if (began >= windowEnd) {
							return;
						}
						try {
							operation.run();
						}
						catch (Exception ex) {
							if (began >= windowStart) {
								errors.incrementAndGet();
							}
							firstError.compareAndSet(null, ex);
							continue;
						}
						long ended = System.nanoTime();
						if (began >= windowStart && ended <= windowEnd) {
							if (counts[slot] == holder[0].length) {
								holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
							}
							holder[0][counts[slot]++] = ended - began;
						}
					}
				}
				finally {
					synchronized (perThread) {
						perThread.add(Arrays.copyOf(holder[0], counts[slot]));
					}
					done.countDown();
				}
			}, name + "-" + t);
			worker.start();
		}
		done.await();
		if (firstError.get() != null) {
			System.err.println(name + ": first error: " + firstError.get());
		}
		long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(name, threads, all.length, errors.get(), measureSeconds, all);
	}
}
