package org.onestop.identity.account;

import java.util.List;

import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.springframework.stereotype.Component;

/**
 * Tells the holder in their inbox that their account's security changed, with a link to
 * the account page: someone who did not do it learns of it and can act.
 */
@Component
class AccountNotices {

	private final Inbox inbox;

	AccountNotices(Inbox inbox) {
		this.inbox = inbox;
	}

	void passwordReset(String username) {
		send(username, "identity.notice.password-reset", List.of(), "PASSWORD_RESET");
	}

	void passwordChanged(String username) {
		send(username, "identity.notice.password-changed", List.of(), "PASSWORD_CHANGED");
	}

	/** The phone numbers are shown masked, as on every other page. */
	void phoneChanged(String username, String oldPhone, String newPhone) {
		send(username, "identity.notice.phone-changed", List.of(Phones.masked(oldPhone), Phones.masked(newPhone)),
				"PHONE_CHANGED");
	}

	void signedOutEverywhere(String username) {
		send(username, "identity.notice.signed-out-everywhere", List.of(), "SIGNED_OUT_EVERYWHERE");
	}

	private void send(String username, String key, List<String> arguments, String kind) {
		inbox.send(new Message(username, key, arguments, "/account#security", kind));
	}

}
