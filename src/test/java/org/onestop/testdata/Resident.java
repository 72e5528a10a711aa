package org.onestop.testdata;

import java.time.LocalDate;

import org.onestop.shared.ResidentIdNumber;

/**
 * A resident made for one test, as the population registry holds them.
 *
 * @param phone the registry's mobile number, or {@code null} when it holds none
 * @param socialSecurityCard the social-security card number, or {@code null} when they
 * have no record there
 */
public record Resident(ResidentIdNumber idNumber, String name, String phone, String socialSecurityCard) {

	public LocalDate birthDate() {
		return idNumber.birthDate();
	}

	/** The username their citizen account gets: the ID number, lower case. */
	public String username() {
		return idNumber.value().toLowerCase();
	}
}
