package org.onestop.identity.account;

import org.junit.jupiter.api.Test;
import org.onestop.shared.ResidentIdNumber;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone numbers as people type them, and what pages show of them and of ID numbers. */
class PhonesTests {

	@Test
	void aMobileNumberIsReadWithSpacesHyphensAndTheCountryCode() {
		assertThat(Phones.mobile("136 4230 1720")).contains("13642301720");
		assertThat(Phones.mobile("+86 136-4230-1720")).contains("13642301720");
		assertThat(Phones.mobile("8613642301720")).contains("13642301720");
		assertThat(Phones.mobile("12642301720")).isEmpty();
		assertThat(Phones.mobile("1364230172")).isEmpty();
		assertThat(Phones.mobile(null)).isEmpty();
		assertThat(Phones.mobile("110101199003071233")).isEmpty();
	}

	@Test
	void pagesShowTheMiddleHidden() {
		assertThat(Phones.masked("13642301720")).isEqualTo("136****1720");
		assertThat(Phones.masked("123")).isEqualTo("****");
		assertThat(ResidentIdNumber.parse("11010519491231002x").masked()).isEqualTo("110105********002X");
		assertThat(ResidentIdNumber.parse("110101199003071233").toString()).isEqualTo("110101********1233");
	}

	@Test
	void everyIdNumberInATextIsMaskedAndNothingElse() {
		assertThat(ResidentIdNumber.maskedIn("110101199003071233")).isEqualTo("110101********1233");
		assertThat(ResidentIdNumber.maskedIn("王芳 (11010519491231002x)")).isEqualTo("王芳 (110105********002x)");
		assertThat(ResidentIdNumber.maskedIn("wang.fang")).isEqualTo("wang.fang");
		assertThat(ResidentIdNumber.maskedIn("CA-2026-000123 13642301720")).isEqualTo("CA-2026-000123 13642301720");
		assertThat(ResidentIdNumber.maskedIn("1101011990030712331")).isEqualTo("1101011990030712331");
		assertThat(ResidentIdNumber.maskedIn(null)).isNull();
	}

}
