package org.onestop.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The population registry's API for the other modules. */
@Service
public class PopulationRegistry {

	private static final List<String> RECORD_ITEMS = RegistrySource.ALL.get(0)
		.items()
		.keySet()
		.stream()
		.map(column -> "population." + column)
		.toList();

	private final RegistryStore store;

	private final AccessLog log;

	PopulationRegistry(RegistryStore store, AccessLog log) {
		this.store = store;
		this.log = log;
	}

	/** Checks a claimed identity without handing out any of the record. */
	public IdentityMatch match(ResidentIdNumber idNumber, String name) {
		return store.registeredName(idNumber)
			.map(registered -> registered.equals(name.strip()) ? IdentityMatch.MATCHED : IdentityMatch.NAME_DIFFERS)
			.orElse(IdentityMatch.NO_SUCH_ID_NUMBER);
	}

	/**
	 * Whether the registry knows this person and they are at least {@code years} old on
	 * {@code day}: an age check (the hall kiosk's green channel, where anyone can type
	 * any valid-looking number) that hands out nothing of the record.
	 */
	public boolean agedAtLeast(ResidentIdNumber idNumber, int years, LocalDate day) {
		return store.agedAtLeast(idNumber, years, day);
	}

	/**
	 * Reads a resident's whole record on behalf of {@code accessor} for a stated purpose;
	 * the read is logged (and audited) in the same transaction.
	 */
	@Transactional
	public Optional<Resident> read(ResidentIdNumber idNumber, Accessor accessor, String purpose) {
		Optional<Resident> resident = store.resident(idNumber);
		resident.ifPresent(r -> log.record(idNumber, "population", RECORD_ITEMS, accessor, purpose));
		return resident;
	}

	/**
	 * The residents under {@code minorYears} on {@code day} in the household of
	 * {@code adult}, when the adult is at least {@code adultYears} old; empty otherwise.
	 * A guardian's right (issue 15) rests on it: the household registry is the proof, so
	 * the parent needs no mandate. Only who the children are leaves the registry.
	 */
	public List<HouseholdMinor> minorsInHouseholdOf(ResidentIdNumber adult, int adultYears, int minorYears,
			LocalDate day) {
		return store.minorsInHouseholdOf(adult, adultYears, minorYears, day);
	}

	/** A child in a household, as a guardian's right needs them. */
	public record HouseholdMinor(ResidentIdNumber idNumber, String name, LocalDate birthDate) {
	}

}
