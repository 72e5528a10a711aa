package org.onestop.certificate;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone shown a certificate types its code and sees whether it is genuine; each page
 * passes axe.
 */
class CertificateBrowserTests extends BrowserTest {

	@Autowired
	Certificates certificates;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void typeTheCodeAndSeeTheCertificate() {
		String code = certificates.issue(CertificateIntegrationTests.request(UUID.randomUUID())).code();

		browser.open("/verify");
		browser.assertAccessible();
		browser.type("#code", code.toLowerCase());
		browser.submit();

		assertThat(browser.path()).isEqualTo("/verify/" + code);
		assertThat(browser.text("[data-testid=verdict]")).contains("证照有效");
		assertThat(browser.text("[data-testid=holder]")).isEqualTo("王小明");
		browser.assertAccessible();

		browser.open("/verify/" + code + "?lang=en");
		assertThat(browser.text("[data-testid=status]")).isEqualTo("Valid");
		browser.assertAccessible();
	}

	@Test
	void aMistypedCodeIsExplained() {
		browser.open("/verify");
		browser.type("#code", "1234");
		browser.submit();

		assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
		assertThat(browser.findAll("#code-error")).hasSize(1);
		browser.assertAccessible();
	}

	@Test
	void anUnknownCodeSaysSoInBothLanguagesAndTheFormTriesAgain() {
		String code = certificates.issue(CertificateIntegrationTests.request(UUID.randomUUID())).code();

		browser.open("/verify/0000-0000-0000-0000");
		assertThat(browser.text("[data-testid=verdict]")).isEqualTo("没有与此验证码对应的电子证照");
		assertThat(browser.text("[data-testid=asked]")).isEqualTo("0000-0000-0000-0000");
		browser.assertAccessible();

		browser.open("/verify/0000-0000-0000-0000?lang=en");
		assertThat(browser.text("[data-testid=verdict]")).isEqualTo("No e-certificate has this verification code");
		browser.assertAccessible();

		browser.open("/verify/not-a-code");
		assertThat(browser.findAll("#code-error")).hasSize(1);
		browser.assertAccessible();
		browser.type("#code", code);
		browser.submit();
		assertThat(browser.path()).isEqualTo("/verify/" + code);
	}

}
