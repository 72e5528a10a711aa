package org.onestop.appointment;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A flash crowd: a fixed pool of worker threads waits at a gate, then works through one shared list of
 * booking attempts (citizen, slot) as fast as each attempt returns. Time runs from opening the gate until
 * the last attempt returns; every attempt's latency and outcome is kept.
 */
final class Crowd {

	/** Books one place; returns the outcome ("201", "409 full", …). One per worker thread, set up before the gate. */
	interface Attempt extends AutoCloseable {
		String book(int citizen, int slot) throws Exception;

		@Override
		default void close() throws Exception {
		}
	}

	record Result(String name, int threads, int attempts, double seconds, long[] sortedNanos,
			Map<String, Integer> outcomes, CpuMeter.Sample cpu) {

		/** CPU milliseconds per attempt: OneStop / reference application / PostgreSQL / generator. */
		String cpuPerAttempt() {
			return "%.2f / %.2f / %.2f / %.2f".formatted(cpu.onestop() * 1000 / attempts, cpu.reference() * 1000 / attempts,
					cpu.postgres() * 1000 / attempts, cpu.generator() * 1000 / attempts);
		}

		double perSecond() {
			return attempts / seconds;
		}

		double percentileMillis(double p) {
			int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
			return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
		}

		int count(String outcome) {
			return outcomes.getOrDefault(outcome, 0);
		}

		int others() {
			return attempts - count("201") - count("409 duplicate") - count("409 full");
		}
	}

	private Crowd() {
	}

	static Result run(String name, int threads, int[] citizens, int[] slots, IntFunction<Attempt> perThread)
			throws Exception {
		int n = citizens.length;
		long[] latencies = new long[n];
		String[] outcomes = new String[n];
		AtomicInteger next = new AtomicInteger();
		Attempt[] attempts = new Attempt[threads];
		for (int t = 0; t < threads; t++) {
			attempts[t] = perThread.apply(t);
		}
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch gate = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			Future<?>[] workers = new Future<?>[threads];
			for (int t = 0; t < threads; t++) {
				Attempt attempt = attempts[t];
				workers[t] = pool.submit(() -> {
					try (attempt) {
						ready.countDown();
						gate.await();
						for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
							long began = System.nanoTime();
							String outcome;
							try {
								outcome = attempt.book(citizens[i], slots[i]);
							}
							catch (Exception ex) {
								outcome = "error " + ex.getClass().getSimpleName();
							}
							latencies[i] = System.nanoTime() - began;
							outcomes[i] = outcome;
						}
					}
					return null;
				});
			}
			ready.await();
			CpuMeter.Sample before = CpuMeter.now();
			long start = System.nanoTime();
			gate.countDown();
			for (Future<?> worker : workers) {
				worker.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			CpuMeter.Sample cpu = CpuMeter.now().minus(before);
			Map<String, Integer> counts = new TreeMap<>();
			Arrays.stream(outcomes).forEach(o -> counts.merge(o, 1, Integer::sum));
			Arrays.sort(latencies);
			return new Result(name, threads, n, seconds, latencies, counts, cpu);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
