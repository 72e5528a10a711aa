package org.onestop.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onestop.notification.Courier.Outcome;
import org.onestop.notification.Courier.Parcel;
import org.onestop.notification.Courier.Result;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Delivers due outbox rows: claims a batch (and commits the claim), renews each row's
 * claim just before handing it to its channel's courier with no connection held, then
 * settles each row in a statement of its own. Any number of nodes may run one side by
 * side; the claim sees that each row goes to one of them, and the lease that a node which
 * dies mid-send does not keep it.
 */
@Service
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final DispatchStore store;

	private final Map<Channel, Courier> couriers = new EnumMap<>(Channel.class);

	private final NotificationProperties.Dispatch settings;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String node;

	/** Null with one sender: the batch is sent on the dispatching thread. */
	private final ExecutorService senders;

	@Autowired
	Dispatcher(DispatchStore store, List<Courier> couriers, NotificationProperties properties, Clock clock,
			MeterRegistry meters) {
		this(store, couriers, properties.dispatch(), clock, meters, nodeName());
	}

	Dispatcher(DispatchStore store, List<Courier> couriers, NotificationProperties.Dispatch settings, Clock clock,
			MeterRegistry meters, String node) {
		this.store = store;
		couriers.forEach(courier -> this.couriers.put(courier.channel(), courier));
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
		this.node = node;
		this.senders = settings.senders() > 1 ? Executors.newFixedThreadPool(settings.senders(), daemon()) : null;
	}

	@PreDestroy
	void stop() {
		if (senders != null) {
			senders.shutdownNow();
		}
	}

	/** Whether the channel has a provider; otherwise its rows end as NOT_CONFIGURED. */
	boolean configured(Channel channel) {
		Courier courier = couriers.get(channel);
		return courier != null && courier.configured();
	}

	/** Claims one batch of due rows and delivers it. */
	int dispatchDue() {
		Instant now = clock.instant();
		List<Parcel> claimed = store.claim(node, now, now.plus(settings.lease()), settings.batch());
		if (senders == null || claimed.size() < 2) {
			claimed.forEach(this::deliver);
		}
		else {
			// Each row is renewed, sent and settled on its own, so rows of one batch go
			// to the
			// provider side by side; the batch ends when its last row is settled.
			List<Future<?>> sent = claimed.stream().<Future<?>>map(p -> senders.submit(() -> deliver(p))).toList();
			for (Future<?> one : sent) {
				await(one);
			}
		}
		return claimed.size();
	}

	private static void await(Future<?> sending) {
		try {
			sending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// deliver() catches what couriers throw; what is left (the database gone)
			// leaves
			// the row claimed, and the lease hands it on.
			log.warn("Sending an outbox row failed", ex.getCause());
		}
	}

	private static ThreadFactory daemon() {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, "outbox-sender-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	int batch() {
		return settings.batch();
	}

	private void deliver(Parcel parcel) {
		Courier courier = couriers.get(parcel.channel());
		if (courier == null || !courier.configured()) {
			settled(parcel, DeliveryStatus.NOT_CONFIGURED,
					store.failed(parcel, node, DeliveryStatus.NOT_CONFIGURED, null, clock.instant()));
			return;
		}
		if (!store.renew(parcel, node, clock.instant().plus(settings.lease()))) {
			// The batch outlasted its lease and another node took this row over: it
			// sends it, not this one.
			log.info("Outbox row {} was taken over before it could be sent", parcel.id());
			return;
		}
		Outcome outcome;
		Timer.Sample sample = Timer.start(meters);
		try {
			outcome = courier.deliver(parcel);
		}
		catch (RuntimeException ex) {
			log.warn("Courier {} failed on outbox row {}", parcel.channel(), parcel.id(), ex);
			outcome = Outcome.failed(Result.TECHNICAL_FAILURE, ex.getClass().getSimpleName());
		}
		finally {
			sample.stop(meters.timer("notification.outbox.delivery", "channel", parcel.channel().name()));
		}
		settle(parcel, outcome);
	}

	private void settle(Parcel parcel, Outcome outcome) {
		Instant now = clock.instant();
		switch (outcome.result()) {
			case DELIVERED -> settled(parcel, DeliveryStatus.DELIVERED,
					store.delivered(parcel, node, outcome.provider(), outcome.providerRef(), now));
			case ACCEPTED -> settled(parcel, DeliveryStatus.SENDING,
					store.accepted(parcel, node, outcome.provider(), outcome.providerRef(), now));
			case POSTPONED -> store.postponed(parcel, node, outcome.notBefore(), now);
			case TEMPORARY_FAILURE -> {
				if (parcel.attempts() >= settings.maxAttempts()) {
					settled(parcel, DeliveryStatus.PERMANENT_FAILURE,
							store.failed(parcel, node, DeliveryStatus.PERMANENT_FAILURE, outcome.detail(), now));
				}
				else {
					settled(parcel, DeliveryStatus.TEMPORARY_FAILURE, store.retry(parcel, node, outcome.detail(),
							now.plus(backoff(settings.backoff(), parcel.attempts())), now));
				}
			}
			case PERMANENT_FAILURE -> settled(parcel, DeliveryStatus.PERMANENT_FAILURE,
					store.failed(parcel, node, DeliveryStatus.PERMANENT_FAILURE, outcome.detail(), now));
			case TECHNICAL_FAILURE -> settled(parcel, DeliveryStatus.TECHNICAL_FAILURE,
					store.failed(parcel, node, DeliveryStatus.TECHNICAL_FAILURE, outcome.detail(), now));
		}
	}

	private void settled(Parcel parcel, DeliveryStatus status, boolean mine) {
		if (!mine) {
			// The lease ran out mid-send and another node took the row over: its word
			// stands.
			log.info("Outbox row {} was taken over before it could be settled as {}", parcel.id(), status);
			return;
		}
		meters.counter("notification.outbox.sent", "channel", parcel.channel().name(), "status", status.name())
			.increment();
	}

	/**
	 * The wait after the given failed attempt: doubled each time, plus up to a tenth more
	 * so that rows which failed together do not all come back together.
	 */
	static Duration backoff(Duration first, int attempts) {
		Duration wait = first.multipliedBy(1L << Math.min(attempts - 1, 20));
		long jitter = wait.toMillis() / 10;
		return jitter > 0 ? wait.plusMillis(ThreadLocalRandom.current().nextLong(jitter + 1)) : wait;
	}

	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node";
		}
		return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

}
