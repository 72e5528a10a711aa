package org.onestop.notification.sms;

import org.junit.jupiter.api.Test;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptTokenTests {

	@Test
	void withNoTokenSetTheEndpointIsOffForEveryone() {
		ReceiptToken off = new ReceiptToken(new ReceiptProperties(""));
		assertThatThrownBy(() -> off.check(null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> off.check("")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> off.check("anything")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyTheSharedTokenLetsAPushIn() {
		ReceiptToken token = new ReceiptToken(new ReceiptProperties("s3cret-token"));
		assertThatCode(() -> token.check("s3cret-token")).doesNotThrowAnyException();
		assertThatThrownBy(() -> token.check(null)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> token.check("s3cret-toke")).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> token.check("S3CRET-TOKEN")).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void neverPrintsTheToken() {
		org.assertj.core.api.Assertions.assertThat(new ReceiptProperties("s3cret-token").toString())
			.doesNotContain("s3cret");
	}

}
