package org.onestop.identity.web;

import java.util.Map;

/**
 * What the account-basics pages show; public because the compiled templates read them.
 */
public final class AccountPages {

	private AccountPages() {
	}

	/**
	 * The forgotten-password page: first the username or phone, then the code and the new
	 * password.
	 *
	 * @param codeStep whether it asks for the code (else for the username or phone)
	 * @param sent whether a code has just been asked for
	 */
	public record ForgotPage(String identifier, boolean codeStep, boolean sent, Map<String, String> errors) {

		static ForgotPage ask(String identifier) {
			return new ForgotPage(identifier == null ? "" : identifier, false, false, Map.of());
		}

		static ForgotPage codeSent(String identifier) {
			return new ForgotPage(identifier.strip(), true, true, Map.of());
		}

		static ForgotPage refused(String identifier, boolean codeStep, Map<String, String> errors) {
			return new ForgotPage(identifier == null ? "" : identifier, codeStep, false, errors);
		}

		public String error(String field) {
			return errors.get(field);
		}
	}

	/** The change-password page. */
	public record PasswordPage(Map<String, String> errors) {

		public String error(String field) {
			return errors.get(field);
		}
	}

	/**
	 * The change-phone page: the current password and the new number, then the code sent
	 * to it.
	 *
	 * @param phone the current verified phone, masked
	 * @param newPhone the number typed (shown again after a refusal), or where the code
	 * went, masked
	 */
	public record PhonePage(String phone, String newPhone, boolean codeStep, Map<String, String> errors) {

		public String error(String field) {
			return errors.get(field);
		}
	}

	/** A page that says something is done, with a link onwards. */
	public record DonePage(String titleKey, String textKey) {
	}

}
