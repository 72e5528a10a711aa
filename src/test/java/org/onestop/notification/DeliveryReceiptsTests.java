package org.onestop.notification;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.onestop.platform.LimitExceededException;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A provider pushing receipts on many connections gets only a few batches settled at once
 * on a node; the rest are refused (429) before they take a pooled connection.
 */
class DeliveryReceiptsTests {

	@Test
	void batchesPastTheBoundAreRefusedAndTheBoundIsFreedAfterwards() throws Exception {
		ReceiptStore store = mock(ReceiptStore.class);
		CountDownLatch inside = new CountDownLatch(DeliveryReceipts.AT_ONCE);
		CountDownLatch release = new CountDownLatch(1);
		when(store.settle(anyString(), any(), any(), anyBoolean(), any(), any())).thenAnswer(call -> {
			inside.countDown();
			release.await(10, TimeUnit.SECONDS);
			return true;
		});
		DeliveryReceipts receipts = new DeliveryReceipts(store, Clock.systemUTC(), new SimpleMeterRegistry(),
				new TransactionTemplate(mock(PlatformTransactionManager.class)));
		List<DeliveryReceipts.Receipt> batch = List
			.of(new DeliveryReceipts.Receipt("8f0e3c1a-6a0b-4f7e-9d55-6c1f0d2a9b11", "biz-1", true, "DELIVERED", ""));
		ExecutorService pool = Executors.newFixedThreadPool(DeliveryReceipts.AT_ONCE);
		try {
			for (int i = 0; i < DeliveryReceipts.AT_ONCE; i++) {
				pool.submit(() -> receipts.settle("aliyun", batch));
			}
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> receipts.settle("aliyun", batch)).isInstanceOf(LimitExceededException.class);
			release.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(receipts.settle("aliyun", batch).settled()).isEqualTo(1);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

}
