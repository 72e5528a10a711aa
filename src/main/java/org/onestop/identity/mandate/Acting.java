package org.onestop.identity.mandate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Representation;
import org.onestop.platform.PlatformProperties;
import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.PopulationRegistry.HouseholdMinor;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;

/**
 * Who a citizen may act for, asked of the database on every request that acts (no cache:
 * a revoked mandate or a child's 16th birthday counts from the very next request, on
 * every node). Two sources: an active mandate from the grantor, or the household registry
 * for a parent (18 or older) and a child under 16 in the same household. On the 16th
 * birthday the guardian's right ends at the start of the day; from then on the young
 * person grants a mandate like any adult.
 */
@Service
public class Acting {

	static final int ADULT = 18;

	static final int CHILD_UNDER = 16;

	private final MandateStore store;

	private final PopulationRegistry registry;

	private final Clock clock;

	private final PlatformProperties platform;

	Acting(MandateStore store, PopulationRegistry registry, Clock clock, PlatformProperties platform) {
		this.store = store;
		this.registry = registry;
		this.clock = clock;
		this.platform = platform;
	}

	/** Someone a citizen may act for, and until when. */
	record Principal(String idNumber, String name, Representation.Kind kind, UUID mandateId, List<String> serviceCodes,
			LocalDate until) {
	}

	/**
	 * The grantor as this request's principal, acted for by the representative; empty
	 * when the representative has no right to act for them (or is staff, or already
	 * acting).
	 */
	public Optional<OneStopUser> actFor(OneStopUser representative, String grantorIdNumber) {
		if (representative.staff() || representative.represented() || representative.idNumber() == null
				|| grantorIdNumber == null || ResidentIdNumber.check(grantorIdNumber).isPresent()) {
			return Optional.empty();
		}
		String grantor = ResidentIdNumber.parse(grantorIdNumber).value();
		if (grantor.equals(representative.idNumber())) {
			return Optional.empty();
		}
		return right(representative.idNumber(), grantor).map(p -> asGrantor(representative, p));
	}

	/** The people this citizen may act for today: mandates received, then children. */
	List<Principal> principals(OneStopUser citizen) {
		LocalDate today = today();
		List<Principal> principals = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Mandate m : store.received(citizen.idNumber())) {
			if (m.status(today) == Mandate.Status.ACTIVE && seen.add(m.grantorIdNumber())) {
				right(citizen.idNumber(), m.grantorIdNumber()).ifPresent(principals::add);
			}
		}
		for (HouseholdMinor child : minors(citizen.idNumber(), today)) {
			if (seen.add(child.idNumber().value())) {
				principals.add(guardianOf(child));
			}
		}
		return principals;
	}

	private Optional<Principal> right(String representative, String grantor) {
		LocalDate today = today();
		List<Mandate> mandates = store.active(representative, grantor, today);
		if (!mandates.isEmpty()) {
			Set<String> codes = new LinkedHashSet<>();
			boolean all = false;
			LocalDate until = today;
			for (Mandate m : mandates) {
				all |= m.allMatters();
				codes.addAll(m.serviceCodes());
				until = m.until().isAfter(until) ? m.until() : until;
			}
			Mandate latest = mandates.get(0);
			return Optional.of(new Principal(grantor, latest.grantorName(), Representation.Kind.MANDATE, latest.id(),
					all ? List.of() : List.copyOf(codes), until));
		}
		return minors(representative, today).stream()
			.filter(child -> child.idNumber().value().equals(grantor))
			.findFirst()
			.map(Acting::guardianOf);
	}

	private List<HouseholdMinor> minors(String adult, LocalDate today) {
		return registry.minorsInHouseholdOf(new ResidentIdNumber(adult), ADULT, CHILD_UNDER, today);
	}

	private static Principal guardianOf(HouseholdMinor child) {
		return new Principal(child.idNumber().value(), child.name(), Representation.Kind.GUARDIAN, null, List.of(),
				child.birthDate().plusYears(CHILD_UNDER).minusDays(1));
	}

	private OneStopUser asGrantor(OneStopUser representative, Principal principal) {
		var account = store.account(principal.idNumber());
		String username = account.map(MandateStore.Account::username).orElse(principal.idNumber().toLowerCase());
		String name = account.map(MandateStore.Account::displayName).orElse(principal.name());
		Representation representation = new Representation(representative.username(), representative.displayName(),
				representative.idNumber(), principal.kind(), principal.mandateId(),
				Set.copyOf(principal.serviceCodes()));
		return new OneStopUser(username, name, false, principal.idNumber(), null, Set.of()).actedForBy(representation);
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
