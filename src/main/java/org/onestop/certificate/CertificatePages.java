package org.onestop.certificate;

/** What the verification pages show; public because the compiled templates read them. */
public final class CertificatePages {

	private CertificatePages() {
	}

	/** The form to type a code, with what was typed and why it was refused. */
	public record VerifyFormPage(String code, String error) {
	}

	/** A genuine certificate, in the page's language: exactly what it prints, and whether it still holds. */
	public record VerifiedPage(String code, boolean valid, String matterName, String holderName, String holderIdMasked,
			String department, String issuedOn) {
	}
}
