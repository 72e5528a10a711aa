package org.onestop.identity.code;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production without an SMS gateway: the log says nothing was sent, and never shows the
 * code.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnconfiguredCodeSenderTests {

	@Test
	void logsThatNoGatewayIsConfiguredWithTheMaskedPhoneButNeverTheCode(CapturedOutput output) {
		new UnconfiguredCodeSender().send(new CodeSender.TextedCode("13642301720", CodePurpose.REGISTRATION,
				"110101199003071233", "482915", Instant.now()));

		assertThat(output.getAll()).contains("No SMS gateway is configured")
			.contains("136****1720")
			.doesNotContain("482915")
			.doesNotContain("13642301720")
			.doesNotContain("110101199003071233");
	}

}
