package org.onestop.certificate;

import java.time.LocalDate;
import java.util.UUID;

import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;

/**
 * What an approved application's certificate states. The full ID number is only used to
 * print its masked form; it is never stored.
 */
public record CertificateRequest(UUID applicationId, String serviceCode, LocalizedText matterName,
		String departmentCode, LocalizedText departmentName, String holderName, ResidentIdNumber holderIdNumber,
		LocalDate issuedOn) {
}
