package org.onestop.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ReceiptTokenWarningTests {

	private static ReceiptTokenWarning warning(String provider, String token) {
		NotificationProperties properties = new NotificationProperties(
				new NotificationProperties.Sms(provider, "OneStop", 10, java.time.LocalTime.of(21, 0),
						java.time.LocalTime.of(8, 0)),
				new NotificationProperties.Mail(""),
				new NotificationProperties.Dispatch(50, java.time.Duration.ofMinutes(2), 5,
						java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(5), true, 1));
		MockEnvironment environment = new MockEnvironment();
		if (token != null) {
			environment.setProperty(ReceiptTokenWarning.TOKEN, token);
		}
		return new ReceiptTokenWarning(properties, environment);
	}

	@Test
	void aProviderWithoutAReceiptTokenIsNamedInTheLogAtStartup(CapturedOutput output) {
		warning("aliyun", "").warn();
		assertThat(output).contains("SMS provider 'aliyun' is set but onestop.notification.sms.receipts.token");
	}

	@Test
	void noWarningWithATokenOrWithoutAProvider(CapturedOutput output) {
		warning("aliyun", "secret").warn();
		warning("", null).warn();
		assertThat(output).doesNotContain("receipts.token");
	}

}
