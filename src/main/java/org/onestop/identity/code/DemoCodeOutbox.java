package org.onestop.identity.code;

import java.time.Clock;
import java.util.List;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's stand-in for the SMS gateway (outside production only): each code is kept,
 * as it would have been texted, for administrators to read at {@code /admin/demo/codes}.
 * The latest code per purpose and subject replaces the earlier one, as on the phone it
 * would make the earlier one useless; a spent or void code is not shown.
 */
@Component
@Profile("!prod")
public class DemoCodeOutbox implements CodeSender {

	private final DemoTextStore store;

	private final Clock clock;

	DemoCodeOutbox(DemoTextStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void send(TextedCode code) {
		String shownAs = switch (code.purpose()) {
			case REGISTRATION -> new ResidentIdNumber(code.subject()).masked();
			case UNLOCK -> code.subject();
			// A username is a citizen's ID number, and a reset may be asked for by phone:
			// shown as other pages show them.
			case PASSWORD_RESET, PHONE_CHANGE ->
				ResidentIdNumber.check(code.subject()).isEmpty() ? ResidentIdNumber.parse(code.subject()).masked()
						: code.subject().matches("\\d{11}") ? code.maskedPhone() : code.subject();
		};
		store.keep(code.purpose(), code.subject(), shownAs, code.maskedPhone(), code.code(), clock.instant(),
				code.expiresAt());
	}

	/** The codes that could still be used, newest first. */
	public List<DemoText> live() {
		return store.live(clock.instant());
	}

}
