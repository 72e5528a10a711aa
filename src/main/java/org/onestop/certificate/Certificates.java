package org.onestop.certificate;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues electronic certificates for approved applications, one per application, and
 * finds them again by verification code.
 */
@Service
public class Certificates {

	private final CertificateStore store;

	private final CertificatePdf pdf;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Certificates(CertificateStore store, CertificatePdf pdf, Clock clock) {
		this.store = store;
		this.pdf = pdf;
		this.clock = clock;
	}

	/**
	 * Issues the certificate for an approved application, joining the caller's
	 * transaction. Idempotent per application: a second call, even a concurrent one,
	 * returns the same code and a PDF with the same content.
	 */
	@Transactional
	public IssuedCertificate issue(CertificateRequest request) {
		Objects.requireNonNull(request.applicationId(), "applicationId");
		Objects.requireNonNull(request.holderIdNumber(), "holderIdNumber");
		Objects.requireNonNull(request.issuedOn(), "issuedOn");
		store.addOnce(VerificationCode.random(random), request, clock.instant());
		Certificate certificate = store.ofApplication(request.applicationId()).orElseThrow();
		return new IssuedCertificate(certificate.code(), pdf.render(certificate));
	}

	public Optional<String> codeOf(UUID applicationId) {
		return store.codeOf(applicationId);
	}

	/** The PDF again, e.g. for download; the code may be typed in any case. */
	public Optional<byte[]> pdf(String code) {
		return find(code).map(pdf::render);
	}

	/**
	 * The certificate with this code, however it was typed; empty for a code that cannot
	 * exist.
	 */
	Optional<Certificate> find(String code) {
		return VerificationCode.normalise(code).flatMap(store::find);
	}

}
