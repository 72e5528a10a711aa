package org.onestop.notification;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.onestop.notification.Courier.Result;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/** How SMTP's answers become outbox statuses. */
class MailCourierTests {

	@Test
	void fiveHundredsAreForGoodFourHundredsAndLostConnectionsForNow() throws Exception {
		InternetAddress to = new InternetAddress("x@example.com");
		assertThat(MailCourier.classify(new MailSendException("failed",
				new SMTPAddressFailedException(to, "RCPT TO", 550, "550 no such user"))))
			.isEqualTo(Result.PERMANENT_FAILURE);
		assertThat(MailCourier.classify(new MailSendException(Map.of(new Object(),
				new SMTPSendFailedException("DATA", 452, "452 mailbox full", null, null, null, null)))))
			.isEqualTo(Result.TEMPORARY_FAILURE);
		assertThat(MailCourier.classify(new MailSendException("failed",
				new MessagingException("Could not connect", new ConnectException("refused")))))
			.isEqualTo(Result.TEMPORARY_FAILURE);
		assertThat(MailCourier.classify(new MailSendException("failed", new AuthenticationFailedException("535"))))
			.isEqualTo(Result.TECHNICAL_FAILURE);
	}

	@Test
	void aRelaysWordsShowNoFullAddress() {
		assertThat(
				MailCourier.masked("MailSendException: 550 5.1.1 <reject-me@example.com>: Recipient address rejected;"
						+ " from onestop@city.gov.cn"))
			.isEqualTo("MailSendException: 550 5.1.1 <r***@example.com>: Recipient address rejected;"
					+ " from o***@city.gov.cn");
		assertThat(MailCourier.masked(null)).isNull();
	}

}
