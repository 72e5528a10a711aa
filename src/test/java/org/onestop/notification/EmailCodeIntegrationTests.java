package org.onestop.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.LimitExceededException;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proving an e-mail address with a code, and where messages then go: an unproved address
 * receives nothing but its code; the choices per topic decide the rest.
 */
@IntegrationTest
class EmailCodeIntegrationTests {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	@Autowired
	EmailCodes codes;

	@Autowired
	Recipients recipients;

	@Autowired
	PreferenceStore preferences;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient db;

	@Autowired
	TestClock clock;

	private static String freshEmail() {
		return "p-" + UUID.randomUUID() + "@example.com";
	}

	/** The code in the newest e-mail to this address, as the outbox holds it. */
	private String codeSentTo(String email) {
		String body = db
			.sql("SELECT body FROM notification_outbox WHERE address = :a AND channel = 'EMAIL'"
					+ " AND template = 'notification.email.verify-code' ORDER BY created_at DESC LIMIT 1")
			.param("a", email)
			.query(String.class)
			.single();
		Matcher m = CODE.matcher(body);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

	@Test
	void theRightCodeProvesTheAddressAndOnlyThenDoesItReceiveMessages() throws Exception {
		Citizen citizen = accounts.register(residents.aged(35).create());
		String email = freshEmail();
		codes.request(citizen.username(), email);
		assertThat(db.sql("SELECT sensitive FROM notification_outbox WHERE address = :a")
			.param("a", email)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(recipients.reach(citizen.username(), Topic.DECISIONS).email()).isEmpty();
		String code = codeSentTo(email);
		assertThat(db.sql("SELECT code_hash FROM notification_email_code WHERE username = :u")
			.param("u", citizen.username())
			.query(String.class)
			.single()).doesNotContain(code);

		assertThatThrownBy(() -> codes.confirm(citizen.username(), wrong(code)))
			.isInstanceOf(InvalidInputException.class);
		codes.confirm(citizen.username(), code);
		assertThat(recipients.reach(citizen.username(), Topic.DECISIONS).email()).contains(email);
		// Spent: it proves nothing twice.
		assertThatThrownBy(() -> codes.confirm(citizen.username(), code)).isInstanceOf(InvalidInputException.class);

		// A new address is unproved until its own code comes back.
		String next = freshEmail();
		codes.request(citizen.username(), next);
		assertThat(recipients.reach(citizen.username(), Topic.DECISIONS).email()).isEmpty();
	}

	@Test
	void aCodeExpiresAfterTenMinutes() throws Exception {
		Citizen citizen = accounts.register(residents.aged(36).create());
		String email = freshEmail();
		try {
			clock.moveTo(Instant.now().minus(Duration.ofMinutes(11)));
			codes.request(citizen.username(), email);
		}
		finally {
			clock.reset();
		}
		assertThatThrownBy(() -> codes.confirm(citizen.username(), codeSentTo(email)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(recipients.reach(citizen.username(), Topic.DECISIONS).email()).isEmpty();
	}

	@Test
	void afterFiveWrongTriesEvenTheRightCodeFails() throws Exception {
		Citizen citizen = accounts.register(residents.aged(37).create());
		String email = freshEmail();
		codes.request(citizen.username(), email);
		String code = codeSentTo(email);
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> codes.confirm(citizen.username(), wrong(code)))
				.isInstanceOf(InvalidInputException.class);
		}
		assertThatThrownBy(() -> codes.confirm(citizen.username(), code)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void atMostFiveCodesADayAndAMalformedAddressIsRefused() throws Exception {
		Citizen citizen = accounts.register(residents.aged(38).create());
		assertThatThrownBy(() -> codes.request(citizen.username(), "not-an-address"))
			.isInstanceOf(InvalidInputException.class);
		for (int i = 0; i < 5; i++) {
			codes.request(citizen.username(), freshEmail());
		}
		String sixth = freshEmail();
		assertThatThrownBy(() -> codes.request(citizen.username(), sixth)).isInstanceOf(LimitExceededException.class);
		assertThat(db.sql("SELECT count(*) FROM notification_outbox WHERE address = :a")
			.param("a", sixth)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void recipientsHonourTheChoicesPerTopic() throws Exception {
		Citizen citizen = accounts.register(residents.aged(39).create());
		String user = citizen.username();
		String email = freshEmail();
		codes.request(user, email);
		codes.confirm(user, codeSentTo(email));

		Recipients.Reach appointments = recipients.reach(user, Topic.APPOINTMENTS);
		assertThat(appointments.phone()).contains(citizen.resident().phone());
		assertThat(appointments.email()).contains(email);
		preferences.choose(user, Topic.APPOINTMENTS, Channel.SMS, false);
		assertThat(recipients.reach(user, Topic.APPOINTMENTS).phone()).isEmpty();
		assertThat(recipients.reach(user, Topic.APPOINTMENTS).email()).contains(email);
		assertThat(recipients.reach(user, Topic.RATINGS).phone()).contains(citizen.resident().phone());
		assertThat(recipients.reach(user, Topic.STAFF_WORK).phone()).isEmpty();
		// Codes are never optional.
		preferences.choose(user, Topic.CODES, Channel.SMS, false);
		assertThat(recipients.reach(user, Topic.CODES).phone()).contains(citizen.resident().phone());

		// Decisions kept by e-mail alone, and then the address changes: they fall back to
		// the phone.
		preferences.choose(user, Topic.DECISIONS, Channel.SMS, false);
		assertThat(recipients.reach(user, Topic.DECISIONS).phone()).isEmpty();
		codes.request(user, freshEmail());
		Recipients.Reach decisions = recipients.reach(user, Topic.DECISIONS);
		assertThat(decisions.phone()).contains(citizen.resident().phone());
		assertThat(decisions.email()).isEmpty();
	}

}
