package org.onestop.certificate;

import java.util.Locale;

/** What the verification pages show; public because the compiled templates read them. */
public final class CertificatePages {

	private CertificatePages() {
	}

	/** The form to type a code, with what was typed and why it was refused. */
	public record VerifyFormPage(String code, String error) {

		static VerifyFormPage empty() {
			return new VerifyFormPage("", null);
		}
	}

	/**
	 * A code that matches no certificate: what was asked (shortened, it comes from the
	 * address), and why it was refused when it cannot be a code at all.
	 */
	public record UnknownCodePage(String code, String error) {

		static UnknownCodePage of(String code, String error) {
			String asked = code.strip();
			return new UnknownCodePage(asked.length() > 40 ? asked.substring(0, 40) + "…" : asked, error);
		}
	}

	/**
	 * A genuine certificate, in the page's language: exactly what it prints, and whether
	 * it still holds.
	 */
	public record VerifiedPage(String code, boolean valid, String matterName, String holderName, String holderIdMasked,
			String department, String issuedOn) {

		static VerifiedPage of(Certificate c, Locale locale) {
			return new VerifiedPage(c.code(), c.valid(), c.matterName().in(locale), c.holderName(), c.holderIdMasked(),
					c.departmentName().in(locale), c.issuedOn(locale));
		}
	}

}
