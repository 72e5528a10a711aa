package org.onestop.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily text limit holds when many senders text one phone at the same moment. */
@IntegrationTest
class SmsLimitIntegrationTests {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	@Autowired
	SmsRules rules;

	@Autowired
	SmsDayStore days;

	@Autowired
	NotificationProperties properties;

	@Autowired
	TransactionTemplate transactions;

	private static String freshPhone() {
		return "199" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
	}

	@Test
	void exactlyTheLimitIsWithinUnderConcurrency() throws Exception {
		String phone = freshPhone();
		Instant now = Instant.parse("2026-12-07T02:00:00Z");
		int limit = properties.sms().dailyLimit();
		int senders = limit * 3;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				Callable<Boolean> send = () -> {
					start.await();
					return transactions.execute(status -> rules.countForDay(phone, now));
				};
				answers.add(pool.submit(send));
			}
			start.countDown();
			int within = 0;
			for (Future<Boolean> answer : answers) {
				within += answer.get() ? 1 : 0;
			}
			assertThat(within).isEqualTo(limit);
			assertThat(days.sent(phone, LocalDate.of(2026, 12, 7))).isEqualTo(limit);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theCountStartsAgainOnTheNextCityDay() {
		String phone = freshPhone();
		int limit = properties.sms().dailyLimit();
		// 15:59 UTC is 23:59 in the city; 16:00 UTC is the next day's midnight.
		Instant lateEvening = Instant.parse("2026-12-07T15:59:00Z");
		for (int i = 0; i < limit; i++) {
			assertThat(rules.countForDay(phone, lateEvening)).isTrue();
		}
		assertThat(rules.countForDay(phone, lateEvening)).isFalse();
		assertThat(rules.countForDay(phone, Instant.parse("2026-12-07T16:00:00Z"))).isTrue();
		assertThat(days.sent(phone, LocalDate.ofInstant(lateEvening, CITY))).isEqualTo(limit);
	}

}
