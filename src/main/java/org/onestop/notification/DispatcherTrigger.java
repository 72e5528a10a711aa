package org.onestop.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs this node's dispatcher: when rows written here commit, and every poll interval for
 * rows written on other nodes, retries that came due and claims left by a node that died.
 * One thread of its own, never a request's; wake-ups that come while it runs fold into
 * one more run. Only a hint of work: the rows themselves are the queue.
 */
@Component
class DispatcherTrigger implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DispatcherTrigger.class);

	private final Dispatcher dispatcher;

	private final boolean enabled;

	private final AtomicBoolean pending = new AtomicBoolean();

	private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "outbox-dispatcher");
		thread.setDaemon(true);
		return thread;
	});

	DispatcherTrigger(Dispatcher dispatcher, DispatchSignal signal, NotificationProperties properties) {
		this.dispatcher = dispatcher;
		this.enabled = properties.dispatch().enabled();
		if (enabled) {
			signal.onWritten(this::wake);
		}
	}

	@Scheduled(fixedDelayString = "${onestop.notification.dispatch.poll-interval:PT5S}",
			initialDelayString = "${onestop.notification.dispatch.poll-interval:PT5S}")
	void poll() {
		wake();
	}

	void wake() {
		if (enabled && pending.compareAndSet(false, true)) {
			try {
				executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: another node, or this one on its next start, takes the
				// rows
				pending.set(false);
			}
		}
	}

	private void drain() {
		pending.set(false);
		try {
			while (dispatcher.dispatchDue() == dispatcher.batch() && !Thread.currentThread().isInterrupted()) {
				// a full batch: there may be more due at once
			}
		}
		catch (RuntimeException ex) {
			log.warn("Dispatching the outbox failed; the next poll tries again", ex);
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

}
