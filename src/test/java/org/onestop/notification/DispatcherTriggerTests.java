package org.onestop.notification;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Rows written on this node wake its dispatcher on its own thread; wake-ups while it runs
 * fold into one more run.
 */
class DispatcherTriggerTests {

	static NotificationProperties properties(boolean enabled) {
		return new NotificationProperties(null, null, new NotificationProperties.Dispatch(50, Duration.ofMinutes(2), 5,
				Duration.ofSeconds(30), Duration.ofSeconds(5), enabled, 1));
	}

	@Test
	void wakeUpsWhileRunningFoldIntoOneMoreRun() throws Exception {
		Dispatcher dispatcher = mock(Dispatcher.class);
		when(dispatcher.batch()).thenReturn(50);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger runs = new AtomicInteger();
		String caller = Thread.currentThread().getName();
		AtomicInteger onCallerThread = new AtomicInteger();
		when(dispatcher.dispatchDue()).thenAnswer(call -> {
			if (Thread.currentThread().getName().equals(caller)) {
				onCallerThread.incrementAndGet();
			}
			runs.incrementAndGet();
			running.countDown();
			release.await(10, TimeUnit.SECONDS);
			return 0;
		});
		DispatchSignal signal = new DispatchSignal();
		DispatcherTrigger trigger = new DispatcherTrigger(dispatcher, signal, properties(true));
		signal.written();
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 20; i++) {
			signal.written();
		}
		release.countDown();
		Thread.sleep(300);
		trigger.destroy();
		assertThat(runs.get()).isEqualTo(2);
		assertThat(onCallerThread.get()).isZero();
	}

	@Test
	void aNodeWithDispatchingOffIsNotWoken() throws Exception {
		Dispatcher dispatcher = mock(Dispatcher.class);
		AtomicInteger runs = new AtomicInteger();
		when(dispatcher.dispatchDue()).thenAnswer(call -> runs.incrementAndGet());
		DispatchSignal signal = new DispatchSignal();
		DispatcherTrigger trigger = new DispatcherTrigger(dispatcher, signal, properties(false));
		signal.written();
		trigger.poll();
		Thread.sleep(200);
		trigger.destroy();
		assertThat(runs.get()).isZero();
	}

}
