package org.onestop.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An 18-digit resident identity number (公民身份号码) as defined by GB 11643-1999: six digits
 * of region code, eight of birth date, three of sequence (odd for men, even for women)
 * and an ISO 7064 MOD 11-2 check character, which may be {@code X}.
 */
public record ResidentIdNumber(@JsonValue String value) {

	private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{16}[\\dX]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

	/**
	 * Why a string is not a valid ID number; the names double as message-key suffixes.
	 */
	public enum Defect {

		FORMAT, BIRTH_DATE, CHECK_DIGIT

	}

	public ResidentIdNumber {
		Optional<Defect> defect = defectOf(value);
		if (defect.isPresent()) {
			throw new IllegalArgumentException("Invalid resident ID number: " + defect.get());
		}
	}

	/**
	 * Parses user input: surrounding blanks are ignored and a lower-case {@code x} is
	 * accepted.
	 */
	public static ResidentIdNumber parse(String input) {
		return new ResidentIdNumber(normalise(input));
	}

	/** The first defect of the given input, or empty when it is a valid ID number. */
	public static Optional<Defect> check(String input) {
		return defectOf(normalise(input));
	}

	private static String normalise(String input) {
		return input == null ? "" : input.strip().toUpperCase();
	}

	private static Optional<Defect> defectOf(String value) {
		if (value == null || !SHAPE.matcher(value).matches()) {
			return Optional.of(Defect.FORMAT);
		}
		if (birthDateOf(value).isEmpty()) {
			return Optional.of(Defect.BIRTH_DATE);
		}
		if (value.charAt(17) != checkCharacter(value)) {
			return Optional.of(Defect.CHECK_DIGIT);
		}
		return Optional.empty();
	}

	/**
	 * Completes the first 17 characters (region, birth date, sequence) with their check
	 * character.
	 */
	public static ResidentIdNumber complete(String first17) {
		return new ResidentIdNumber(first17 + checkCharacter(first17));
	}

	static char checkCharacter(String value) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (value.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS[sum % 11];
	}

	private static Optional<LocalDate> birthDateOf(String value) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			// Nobody alive was born before 1900, and a birth date in the future is a
			// typing error.
			if (date.getYear() < 1900 || date.isAfter(LocalDate.now())) {
				return Optional.empty();
			}
			return Optional.of(date);
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	public LocalDate birthDate() {
		return birthDateOf(value).orElseThrow();
	}

	public boolean male() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	/**
	 * The number with the middle digits hidden, for logs and lists:
	 * {@code 110101********1233}.
	 */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	/**
	 * The text with every 18-character ID number in it masked: for names shown where the
	 * reader does not need the whole number, such as a citizen's username (their ID
	 * number) on a staff list. Null stays null.
	 */
	public static String maskedIn(String text) {
		return text == null ? null : ANY_IN_TEXT.matcher(text).replaceAll(m -> m.group(1) + "********" + m.group(2));
	}

	private static final Pattern ANY_IN_TEXT = Pattern
		.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");

	@Override
	public String toString() {
		return masked();
	}
}
