package org.onestop.identity.code;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.onestop.notification.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Texts one-time codes through the notification outbox, in the caller's transaction: the
 * code is sent exactly when it is kept. The row is marked sensitive, so that the outbox's
 * viewers never show the code; without an SMS provider it stays NOT_CONFIGURED. Outside
 * production {@link DemoCodeOutbox} also keeps the code for the demo's codes page.
 */
@Component
class OutboxCodeSender implements CodeSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxCodeSender.class);

	private final Outbox outbox;

	private final ObjectProvider<DemoCodeOutbox> demo;

	private final Clock clock;

	OutboxCodeSender(Outbox outbox, ObjectProvider<DemoCodeOutbox> demo, Clock clock) {
		this.outbox = outbox;
		this.demo = demo;
		this.clock = clock;
	}

	@Override
	public void send(TextedCode code) {
		// Codes go out in Chinese: the person may have no account yet, so no chosen
		// language, and the provider approves one template per text.
		if (outbox
			.text(recipient(code), code.phone(), template(code.purpose()), List.of(code.code(), minutes(code)),
					Locale.CHINESE, true)
			.isEmpty()) {
			log.warn("No SMS template for {} codes: a code for {} was not sent", code.purpose(), code.maskedPhone());
		}
		demo.ifAvailable(kept -> kept.keep(code));
	}

	/**
	 * Whom staff find the text under: the username (a reset asked for by phone number
	 * names no one), or, for a registration, the ID number that will be the username.
	 */
	static String recipient(TextedCode code) {
		return code.subject().matches("\\d{11}") ? null : code.subject().toLowerCase(Locale.ROOT);
	}

	/** The kind of message, as seeded in {@code notification_kind}. */
	static String template(CodePurpose purpose) {
		return "identity.code." + purpose.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private String minutes(TextedCode code) {
		long seconds = Duration.between(clock.instant(), code.expiresAt()).toSeconds();
		return String.valueOf(Math.max(1, (seconds + 59) / 60));
	}

}
