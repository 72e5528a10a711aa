package org.onestop.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResidentIdNumberTests {

	@Test
	void acceptsAValidNumberAndReadsBirthDateAndSex() {
		ResidentIdNumber id = ResidentIdNumber.parse("110101199003071233");
		assertThat(ResidentIdNumber.check("110101199003071233")).isEmpty();
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
		assertThat(id.male()).isTrue();
		assertThat(id.masked()).isEqualTo("110101********1233");
		assertThat(id.toString()).doesNotContain("19900307");
	}

	@Test
	void acceptsXAsCheckCharacterInEitherCase() {
		// 11010519491231002X is the standard's own worked example (check character X).
		assertThat(ResidentIdNumber.check("11010519491231002X")).isEmpty();
		assertThat(ResidentIdNumber.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
		assertThat(ResidentIdNumber.parse("11010519491231002X").male()).isFalse();
	}

	@Test
	void refusesAWrongCheckDigit() {
		assertThat(ResidentIdNumber.check("110101199003071234")).contains(ResidentIdNumber.Defect.CHECK_DIGIT);
		assertThat(ResidentIdNumber.check("110105194912310021")).contains(ResidentIdNumber.Defect.CHECK_DIGIT);
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse("110101199003071234"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "110101199002301233", "110101199013011233", "110101189912311233", "110101209901011233" })
	void refusesAnImpossibleBirthDate(String idNumber) {
		// 30 February, month 13, before 1900, in the future: whatever the check digit
		// says.
		assertThat(ResidentIdNumber.check(idNumber)).contains(ResidentIdNumber.Defect.BIRTH_DATE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "11010119900307123", "1101011990030712333", "11010119900307123Y", "0101011990030712X3",
			"１１０１０１１９９００３０７１２３３" })
	void refusesAnythingNotShapedLikeAnIdNumber(String idNumber) {
		assertThat(ResidentIdNumber.check(idNumber)).contains(ResidentIdNumber.Defect.FORMAT);
	}

	@Test
	void refusesNull() {
		assertThat(ResidentIdNumber.check(null)).contains(ResidentIdNumber.Defect.FORMAT);
	}

	@Test
	void computesTheCheckCharacterOfEveryDemoResident() throws Exception {
		try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("src/main/resources/demo/residents.csv"))) {
			assertThat(lines.skip(1).map(line -> line.split(",")[0])).hasSize(201)
				.allSatisfy(id -> assertThat(ResidentIdNumber.check(id)).as(id).isEmpty());
		}
	}

}
