package org.onestop.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.onestop.shared.LocalizedText;

/** A stored certificate: exactly what it prints, and whether it still holds. */
record Certificate(String code, UUID applicationId, String serviceCode, LocalizedText matterName, String departmentCode,
		LocalizedText departmentName, String holderName, String holderIdMasked, LocalDate issuedOn, Status status) {

	enum Status {

		VALID, REVOKED

	}

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	boolean valid() {
		return status == Status.VALID;
	}

	/** The issue date as people write it in the language. */
	String issuedOn(Locale locale) {
		return ("en".equals(locale.getLanguage()) ? ENGLISH_DATE : CHINESE_DATE).format(issuedOn);
	}

	/**
	 * First six and last four characters: enough for a verifier to compare with the
	 * holder's card.
	 */
	static String mask(String idNumber) {
		return idNumber.substring(0, 6) + "********" + idNumber.substring(idNumber.length() - 4);
	}
}
