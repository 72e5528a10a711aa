package org.onestop.registry;

import java.time.LocalDate;

import org.onestop.shared.ResidentIdNumber;

/** A resident's record in the population registry. */
public record Resident(ResidentIdNumber idNumber, String name, Sex sex, LocalDate birthDate, String ethnicity,
		String registeredAddress, String householdNumber, MaritalStatus maritalStatus, String phone) {

	public enum Sex {

		M, F

	}

	public enum MaritalStatus {

		UNMARRIED, MARRIED, DIVORCED, WIDOWED

	}
}
