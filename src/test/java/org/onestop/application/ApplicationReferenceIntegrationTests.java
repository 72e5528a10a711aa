package org.onestop.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every application gets a reference people can quote (CA-2026-000123): from one database
 * sequence, so that two transactions (two nodes) at once never hand out the same one; and
 * staff of the department find the application by it, others do not.
 */
@IntegrationTest
class ApplicationReferenceIntegrationTests {

	@Autowired
	ApplicationStore store;

	@Autowired
	Cases cases;

	@Autowired
	TransactionTemplate transactions;

	private Application insert(String matter, Instant at) {
		UUID id = UUID.randomUUID();
		Application a = Application.draft(id, "ref.test", "110101195001010099", "测试", matter, 1, 1, "CIVIL", at)
			.submitted(Map.of(), Map.of(), Map.of(), List.of(), null, List.of(), null, at, LocalDate.of(2026, 1, 1));
		assertThat(store.insertSubmitted(a, "ref-" + id, "hash", null)).isTrue();
		return store.find(id).orElseThrow();
	}

	@Test
	void aReferenceIsTheMattersDepartmentTheYearInTheCityAndANumber() {
		// 31 December 2025 at 17:00 UTC is already 2026 in Shanghai.
		Application a = transactions.execute(s -> insert("CA-ELD-001", Instant.parse("2025-12-31T17:00:00Z")));
		assertThat(a.reference()).matches("CA-2026-\\d{6}");
		Application b = transactions.execute(s -> insert("PS-ID-001", Instant.parse("2026-06-01T02:00:00Z")));
		assertThat(b.reference()).matches("PS-2026-\\d{6}");
		assertThat(Long.parseLong(b.reference().substring(8)))
			.isGreaterThan(Long.parseLong(a.reference().substring(8)));
	}

	@Test
	void twoTransactionsAtOnceNeverShareAReference() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		Callable<List<String>> taker = () -> {
			start.await();
			return transactions.execute(s -> {
				List<String> taken = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					taken.add(insert("CA-ELD-001", Instant.now()).reference());
				}
				return taken;
			});
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<List<String>> one = pool.submit(taker);
			Future<List<String>> two = pool.submit(taker);
			start.countDown();
			Set<String> all = new HashSet<>(one.get());
			all.addAll(two.get());
			assertThat(all).hasSize(100).allMatch(r -> r.matches("CA-\\d{4}-\\d{6,}"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void staffOfTheDepartmentFindItByReferenceOthersDoNot() {
		Application a = transactions.execute(s -> insert("CA-ELD-001", Instant.now()));
		OneStopUser clerk = new OneStopUser("clerk.ref", "Clerk", true, null, "CIVIL", Set.of(Role.CLERK));
		OneStopUser other = new OneStopUser("clerk.other", "Clerk", true, null, "PS", Set.of(Role.CLERK));
		String quoted = " " + a.reference().toLowerCase() + " ";
		assertThat(cases.byReference(clerk, quoted)).map(Application::id).contains(a.id());
		assertThat(cases.byReference(other, a.reference())).isEmpty();
		assertThat(cases.byReference(clerk, "CA-1999-000000")).isEmpty();
	}

}
