package org.onestop.identity.code;

import java.time.Clock;
import java.util.List;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's view of texted codes (outside production only): each code, texted through
 * the outbox, is also kept in plain for administrators to read at
 * {@code /admin/demo/codes}, as no real phone receives it. The latest code per purpose
 * and subject replaces the earlier one, as on the phone it would make the earlier one
 * useless; a spent or void code is not shown.
 */
@Component
@Profile("!prod")
public class DemoCodeOutbox {

	private final DemoTextStore store;

	private final Clock clock;

	DemoCodeOutbox(DemoTextStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Keeps a code that was just texted (through the outbox, by
	 * {@link OutboxCodeSender}).
	 */
	void keep(CodeSender.TextedCode code) {
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
