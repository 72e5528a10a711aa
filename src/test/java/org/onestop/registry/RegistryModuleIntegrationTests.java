package org.onestop.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.ModuleTestDatabase;
import org.onestop.MovableClock;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The registry module on its own (no other module started, its own PostgreSQL): identity
 * matching, the age check, reads across registries, and the log and event that every read
 * leaves.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import({ ModuleTestDatabase.class, Residents.class, RegistryModuleIntegrationTests.Time.class })
class RegistryModuleIntegrationTests {

	@Autowired
	PopulationRegistry population;

	@Autowired
	Registries registries;

	@Autowired
	Residents residents;

	@Autowired
	MovableClock clock;

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		MovableClock clock() {
			return new MovableClock(Instant.now());
		}

	}

	@Test
	void aClaimedIdentityIsMatchedWithoutHandingOutTheRecord() {
		Resident resident = residents.aged(40).named("柏文静").create();
		assertThat(population.match(resident.idNumber(), " 柏文静 ")).isEqualTo(IdentityMatch.MATCHED);
		assertThat(population.match(resident.idNumber(), "柏文")).isEqualTo(IdentityMatch.NAME_DIFFERS);
		assertThat(population.match(ResidentIdNumber.complete("11010919000101001"), "柏文静"))
			.isEqualTo(IdentityMatch.NO_SUCH_ID_NUMBER);
		LocalDate today = LocalDate.now(Clock.systemUTC());
		assertThat(population.agedAtLeast(resident.idNumber(), 40, today)).isTrue();
		assertThat(population.agedAtLeast(resident.idNumber(), 41, today)).isFalse();
	}

	@Test
	void everyReadIsLoggedForTheResidentAndAnnouncedForTheAuditTrail(AssertablePublishedEvents events) {
		Resident resident = residents.aged(75).withSocialSecurity().create();
		assertThat(registries.read(resident.idNumber(), List.of("population.name", "population.phone"),
				Accessor.citizen(resident.username()), "prefill"))
			.containsEntry("population.name", resident.name())
			.containsEntry("population.phone", resident.phone());
		clock.advance(Duration.ofMinutes(1));
		assertThat(registries.read(resident.idNumber(), List.of("socialsecurity.card_number", "socialsecurity.status"),
				Accessor.official("clerk.hr", "HR"), "eligibility"))
			.containsEntry("socialsecurity.card_number", resident.socialSecurityCard())
			.containsEntry("socialsecurity.status", "RETIRED");

		assertThat(registries.accessLog(resident.idNumber(), 10)).extracting(DataAccess::registry, DataAccess::purpose)
			.containsExactly(tuple("socialsecurity", "eligibility"), tuple("population", "prefill"));
		assertThat(events.ofType(RegistryDataRead.class).matching(read -> read.idNumber().equals(resident.idNumber())))
			.hasSize(2);
	}

}
