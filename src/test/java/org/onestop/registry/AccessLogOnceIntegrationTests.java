package org.onestop.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Who used my data" lists a read once per reader and purpose (issue 14): a form opened
 * ten times for one draft is one line, however many nodes read at the same moment.
 */
@IntegrationTest
class AccessLogOnceIntegrationTests {

	@Autowired
	Registries registries;

	@Autowired
	Residents residents;

	@Test
	void theSameReadForTheSamePurposeIsOneLineThatCountsTheReads() {
		ResidentIdNumber id = residents.aged(60).create().idNumber();
		List<String> items = List.of("population.address", "population.phone");
		for (int i = 0; i < 5; i++) {
			registries.read(id, items, Accessor.system(), "申请 CA-ELD-001 application draft-1");
		}
		registries.read(id, items, Accessor.system(), "申请 CA-ELD-001 application draft-2");
		registries.read(id, List.of("population.address"), Accessor.system(), "申请 CA-ELD-001 application draft-2");

		List<DataAccess> log = registries.accessLog(id, 50);
		assertThat(log).extracting(DataAccess::purpose, DataAccess::times)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("申请 CA-ELD-001 application draft-1", 5),
					org.assertj.core.groups.Tuple.tuple("申请 CA-ELD-001 application draft-2", 1),
					org.assertj.core.groups.Tuple.tuple("申请 CA-ELD-001 application draft-2", 1));
		DataAccess first = log.stream().filter(a -> a.purpose().endsWith("draft-1")).findFirst().orElseThrow();
		assertThat(first.lastAt()).isAfterOrEqualTo(first.at());
	}

	@Test
	void oneReadOfSeveralRegistriesIsOneLinePerRegistryWithItsItems() {
		ResidentIdNumber id = residents.aged(62).withSocialSecurity().create().idNumber();
		List<String> items = List.of("population.address", "socialsecurity.status", "socialsecurity.card_number");
		// Written in one statement since issue 18: each registry still gets its own line,
		// and a repeat still counts on each.
		registries.read(id, items, Accessor.system(), "two registries at once");
		registries.read(id, items, Accessor.system(), "two registries at once");

		assertThat(registries.accessLog(id, 50)).extracting(DataAccess::registry, DataAccess::items, DataAccess::times)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("population", List.of("population.address"), 2),
					org.assertj.core.groups.Tuple.tuple("socialsecurity",
							List.of("socialsecurity.status", "socialsecurity.card_number"), 2));
	}

	@Test
	void readsAtTheSameMomentFromManyConnectionsAreStillOneLine() throws Exception {
		ResidentIdNumber id = residents.aged(61).create().idNumber();
		List<Callable<Object>> reads = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			reads.add(() -> registries.read(id, List.of("population.address"), Accessor.system(), "together"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Object> read : pool.invokeAll(reads)) {
				read.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(registries.accessLog(id, 50)).singleElement()
			.satisfies(access -> assertThat(access.times()).isEqualTo(8));
	}

}
