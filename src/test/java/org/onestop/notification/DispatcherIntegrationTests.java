package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.MovableClock;
import org.onestop.notification.Courier.Outcome;
import org.onestop.notification.Courier.Parcel;
import org.onestop.notification.Courier.Result;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher on real PostgreSQL: statuses and back-off by the clock, a claim taken
 * over after its node died, two nodes never sending one row twice, and the demo's
 * NOT_CONFIGURED.
 */
@IntegrationTest
class DispatcherIntegrationTests {

	private static final NotificationProperties.Dispatch SETTINGS = new NotificationProperties.Dispatch(10,
			Duration.ofMinutes(2), 3, Duration.ofSeconds(30), Duration.ofSeconds(5), false, 1);

	@Autowired
	DispatchStore store;

	@Autowired
	OutboxStore outbox;

	@Autowired
	JdbcClient db;

	@Autowired
	List<Courier> couriers;

	@Autowired
	RedactionStore redactions;

	@Autowired
	NotificationProperties properties;

	OutboxRows rows;

	final MovableClock clock = new MovableClock(OutboxRows.EPOCH.plusSeconds(1));

	@BeforeEach
	void rows() {
		rows = new OutboxRows(outbox, db);
	}

	@AfterEach
	void removeRows() {
		rows.removeAll();
	}

	Dispatcher dispatcher(String node, Courier... couriers) {
		return new Dispatcher(store, List.of(couriers), SETTINGS, clock, new SimpleMeterRegistry(), node);
	}

	/**
	 * A node that hands several rows of a batch to the provider at once, as the app does.
	 */
	Dispatcher concurrent(String node, Courier... couriers) {
		NotificationProperties.Dispatch settings = new NotificationProperties.Dispatch(SETTINGS.batch(),
				SETTINGS.lease(), SETTINGS.maxAttempts(), SETTINGS.backoff(), SETTINGS.pollInterval(), false, 4);
		return new Dispatcher(store, List.of(couriers), settings, clock, new SimpleMeterRegistry(), node);
	}

	Instant at(UUID id, String column) {
		return ((Timestamp) rows.row(id).get(column)).toInstant();
	}

	@Test
	void aTemporaryFailureIsRetriedWithGrowingWaitsUntilTheTriesRunOut() {
		UUID id = rows.mail("wait@example.com", false);
		Dispatcher dispatcher = dispatcher("a",
				new Fake(Channel.EMAIL, p -> Outcome.failed(Result.TEMPORARY_FAILURE, "451 try later")));

		Instant first = clock.instant();
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "TEMPORARY_FAILURE")
			.containsEntry("attempts", 1)
			.containsEntry("failure", "451 try later")
			.containsEntry("claimed_by", null);
		assertThat(at(id, "next_attempt_at")).isBetween(first.plusSeconds(30), first.plusSeconds(33));

		clock.advance(Duration.ofSeconds(20));
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("attempts", 1);

		clock.advance(Duration.ofSeconds(14));
		Instant second = clock.instant();
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "TEMPORARY_FAILURE").containsEntry("attempts", 2);
		assertThat(at(id, "next_attempt_at")).isBetween(second.plusSeconds(60), second.plusSeconds(66));

		clock.advance(Duration.ofSeconds(67));
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "PERMANENT_FAILURE")
			.containsEntry("attempts", 3)
			.containsEntry("next_attempt_at", null);
		clock.advance(Duration.ofHours(1));
		assertThat(dispatcher.dispatchDue()).isZero();
	}

	@Test
	void aDeliveredOneTimeCodeIsNotKeptInClearButOtherMessagesAre() {
		UUID code = rows.mail("code@example.com", true);
		UUID plain = rows.mail("plain@example.com", false);
		dispatcher("a", new Fake(Channel.EMAIL, p -> Outcome.delivered("smtp", "<" + p.id() + "@onestop>")))
			.dispatchDue();

		assertThat(rows.row(code)).containsEntry("status", "DELIVERED")
			.containsEntry("body", "")
			.containsEntry("html_body", null)
			.containsEntry("parameters", null)
			.containsEntry("provider_ref", "<" + code + "@onestop>");
		assertThat(rows.row(code).get("redacted_at")).isNotNull();
		assertThat(rows.row(plain)).containsEntry("status", "DELIVERED")
			.containsEntry("body", "Code 123456")
			.containsEntry("redacted_at", null);
		assertThat(rows.row(plain).get("delivered_at")).isNotNull();
	}

	@Test
	void aTextTheProviderAcceptedWaitsForItsReceiptAndIsNotClaimedAgain() {
		UUID id = rows.text("13800000001", false);
		Fake sms = new Fake(Channel.SMS, p -> Outcome.accepted("fake", "biz-" + p.id()));
		Dispatcher dispatcher = dispatcher("a", sms);
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "SENDING")
			.containsEntry("provider", "fake")
			.containsEntry("provider_ref", "biz-" + id)
			.containsEntry("claimed_by", null)
			.containsEntry("claimed_until", null);
		clock.advance(Duration.ofHours(1));
		dispatcher.dispatchDue();
		assertThat(sms.calls(id)).isEqualTo(1);
	}

	@Test
	void aCourierThatThrowsLeavesATechnicalFailureNotAStuckRow() {
		UUID id = rows.mail("broken@example.com", false);
		dispatcher("a", new Fake(Channel.EMAIL, p -> {
			throw new IllegalStateException("bug");
		})).dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "TECHNICAL_FAILURE")
			.containsEntry("failure", "IllegalStateException");
	}

	@Test
	void withNoProviderConfiguredMessagesStayForTheViewerAsNotConfigured() {
		UUID mail = rows.mail("demo@example.com", false);
		UUID text = rows.text("13800000002", false);
		new Dispatcher(store, couriers, SETTINGS, clock, new SimpleMeterRegistry(), "demo").dispatchDue();
		assertThat(rows.row(mail)).containsEntry("status", "NOT_CONFIGURED").containsEntry("attempts", 1);
		assertThat(rows.row(text)).containsEntry("status", "NOT_CONFIGURED")
			.containsEntry("body", "【OneStop】Code 654321");
	}

	@Test
	void aClaimWhoseNodeDiedIsTakenOverAfterTheLeaseAndTheDeadNodeCannotOverwriteIt() throws Exception {
		UUID id = rows.text("13800000003", false);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Fake hanging = new Fake(Channel.SMS, p -> {
			claimed.countDown();
			await(release);
			return Outcome.delivered("fake", "late");
		});
		ExecutorService dead = Executors.newSingleThreadExecutor();
		Future<Integer> deadNode = dead.submit(() -> dispatcher("dead", hanging).dispatchDue());
		assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(rows.row(id)).containsEntry("status", "SENDING").containsEntry("claimed_by", "dead");

		CountDownLatch taken = new CountDownLatch(1);
		CountDownLatch answer = new CountDownLatch(1);
		Fake taker = new Fake(Channel.SMS, p -> {
			assertThat(p.abandoned()).isTrue();
			taken.countDown();
			await(answer);
			return Outcome.accepted("fake", "taken-" + p.id());
		});
		clock.advance(Duration.ofMinutes(1));
		assertThat(dispatcher("alive", taker).dispatchDue()).isZero();
		clock.advance(Duration.ofMinutes(1).plusSeconds(2));
		ExecutorService alive = Executors.newSingleThreadExecutor();
		Future<Integer> aliveNode = alive.submit(() -> dispatcher("alive", taker).dispatchDue());
		assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(rows.row(id)).containsEntry("attempts", 2).containsEntry("claimed_by", "alive");

		// The dead node comes back while the new owner is still sending: its word is not
		// taken.
		release.countDown();
		assertThat(deadNode.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(rows.row(id)).containsEntry("status", "SENDING")
			.containsEntry("claimed_by", "alive")
			.containsEntry("delivered_at", null);

		answer.countDown();
		assertThat(aliveNode.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		dead.shutdown();
		alive.shutdown();
		assertThat(rows.row(id)).containsEntry("status", "SENDING")
			.containsEntry("provider_ref", "taken-" + id)
			.containsEntry("delivered_at", null);
		assertThat(taker.calls(id)).isEqualTo(1);
	}

	@Test
	void aRowTakenOverWhileItsBatchOutlastedTheLeaseIsNotSentAgainByTheSlowNode() {
		UUID first = rows.mail("slow1@example.com", false);
		UUID second = rows.mail("slow2@example.com", false);
		Fake fast = new Fake(Channel.EMAIL, p -> Outcome.delivered("smtp", "<" + p.id() + "@two>"));
		Dispatcher other = dispatcher("two", fast);
		Fake slow = new Fake(Channel.EMAIL, p -> {
			// The provider takes longer than the lease; the other node takes the batch
			// over.
			clock.advance(SETTINGS.lease().plusSeconds(1));
			assertThat(other.dispatchDue()).isEqualTo(2);
			return Outcome.delivered("smtp", "<" + p.id() + "@one>");
		});
		dispatcher("one", slow).dispatchDue();

		assertThat(slow.calls(first) + slow.calls(second)).as("the slow node sent only the row it was sending")
			.isEqualTo(1);
		assertThat(fast.calls(first) + fast.calls(second)).isEqualTo(2);
		assertThat(List.of(first, second))
			.allSatisfy(id -> assertThat(rows.row(id)).containsEntry("status", "DELIVERED")
				.containsEntry("attempts", 2)
				.containsEntry("provider_ref", "<" + id + "@two>"));
	}

	@Test
	void aOneTimeCodeIsBlankedWhenTheProviderAcceptsItAndWhenItFails() {
		UUID accepted = rows.text("13800000004", true);
		Dispatcher accepting = dispatcher("a", new Fake(Channel.SMS, p -> Outcome.accepted("fake", "acc-" + p.id())));
		accepting.dispatchDue();
		UUID failed = rows.text("13800000005", true);
		UUID technical = rows.mail("broken-code@example.com", true);
		dispatcher("a",
				new Fake(Channel.SMS, p -> Outcome.failed(Result.PERMANENT_FAILURE, "isv.MOBILE_NUMBER_ILLEGAL")),
				new Fake(Channel.EMAIL, p -> Outcome.failed(Result.TECHNICAL_FAILURE, "no template")))
			.dispatchDue();

		assertThat(rows.row(accepted)).containsEntry("status", "SENDING").containsEntry("body", "");
		assertThat(rows.row(failed)).containsEntry("status", "PERMANENT_FAILURE").containsEntry("body", "");
		assertThat(rows.row(technical)).containsEntry("status", "TECHNICAL_FAILURE")
			.containsEntry("body", "")
			.containsEntry("html_body", null);
		assertThat(List.of(accepted, failed, technical)).allSatisfy(id -> {
			assertThat(rows.row(id)).containsEntry("parameters", null);
			assertThat(rows.row(id).get("redacted_at")).isNotNull();
		});
	}

	@Test
	void withNoProviderAOneTimeCodeStaysReadableForTheDemoUntilTheSweepBlanksIt() {
		UUID code = rows.text("13800000006", true);
		UUID retrying = rows.mail("retry-code@example.com", true);
		UUID plain = rows.text("13800000007", false);
		List<Courier> some = new ArrayList<>(couriers.stream().filter(c -> c.channel() != Channel.EMAIL).toList());
		some.add(new Fake(Channel.EMAIL, p -> Outcome.failed(Result.TEMPORARY_FAILURE, "451")));
		new Dispatcher(store, some, SETTINGS, clock, new SimpleMeterRegistry(), "demo").dispatchDue();
		CodeRedaction sweep = new CodeRedaction(redactions, clock, properties);
		assertThat(rows.row(code)).containsEntry("status", "NOT_CONFIGURED")
			.containsEntry("body", "【OneStop】Code 654321");

		clock.advance(CodeRedaction.KEPT.minusSeconds(5));
		sweep.redactExpired();
		assertThat(rows.row(code)).containsEntry("body", "【OneStop】Code 654321").containsEntry("redacted_at", null);

		clock.advance(Duration.ofSeconds(10));
		sweep.redactExpired();
		assertThat(rows.row(code)).containsEntry("status", "NOT_CONFIGURED")
			.containsEntry("body", "")
			.containsEntry("parameters", null);
		assertThat(rows.row(code).get("redacted_at")).isNotNull();
		// A code still waiting for its retry is void now: it is not sent blank.
		assertThat(rows.row(retrying)).containsEntry("status", "PERMANENT_FAILURE")
			.containsEntry("failure", "code-expired")
			.containsEntry("next_attempt_at", null)
			.containsEntry("body", "");
		assertThat(rows.row(plain)).containsEntry("body", "【OneStop】Code 654321").containsEntry("redacted_at", null);
	}

	@Test
	void twoNodesDispatchingAtOnceNeverSendTheSameRowTwice() throws Exception {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			ids.add(rows.mail("many" + i + "@example.com", false));
		}
		Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
		Function<Parcel, Outcome> send = p -> {
			calls.computeIfAbsent(p.id(), x -> new AtomicInteger()).incrementAndGet();
			sleep(2);
			return Outcome.delivered("smtp", "<" + p.id() + "@onestop>");
		};
		List<Dispatcher> nodes = List.of(dispatcher("one", new Fake(Channel.EMAIL, send)),
				concurrent("two", new Fake(Channel.EMAIL, send)), concurrent("three", new Fake(Channel.EMAIL, send)));
		ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (Dispatcher node : nodes) {
			runs.add(pool.submit(() -> {
				start.await();
				int total = 0;
				for (int n = node.dispatchDue(); n > 0; n = node.dispatchDue()) {
					total += n;
				}
				return total;
			}));
		}
		start.countDown();
		int claimed = 0;
		List<Integer> perNode = new ArrayList<>();
		for (Future<Integer> run : runs) {
			perNode.add(run.get(60, TimeUnit.SECONDS));
			claimed += perNode.get(perNode.size() - 1);
		}
		pool.shutdown();

		assertThat(claimed).isEqualTo(ids.size());
		assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(calls.values()).allMatch(count -> count.get() == 1);
		assertThat(Set.copyOf(ids.stream().map(rows::status).toList())).containsExactly("DELIVERED");
		assertThat(perNode.stream().filter(n -> n > 0).count()).as("work shared by " + perNode).isGreaterThan(1);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A courier that answers as told and counts its calls per row. */
	static final class Fake implements Courier {

		private final Channel channel;

		private final Function<Parcel, Outcome> answer;

		private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

		Fake(Channel channel, Function<Parcel, Outcome> answer) {
			this.channel = channel;
			this.answer = answer;
		}

		int calls(UUID id) {
			return calls.getOrDefault(id, new AtomicInteger()).get();
		}

		@Override
		public Channel channel() {
			return channel;
		}

		@Override
		public boolean configured() {
			return true;
		}

		@Override
		public Outcome deliver(Parcel parcel) {
			calls.computeIfAbsent(parcel.id(), x -> new AtomicInteger()).incrementAndGet();
			return answer.apply(parcel);
		}

	}

}
