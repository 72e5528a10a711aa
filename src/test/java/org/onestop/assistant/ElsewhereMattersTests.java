package org.onestop.assistant;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of matters handled elsewhere: its words, and what it leaves to the catalog.
 */
class ElsewhereMattersTests {

	final ElsewhereMatters table = new ElsewhereMatters();

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "护照过期了怎么换|exit-entry", "How do I renew my PASSPORT?|exit-entry", "办港澳通行证去哪里|exit-entry",
					"去美国旅游签证怎么办|visa", "个人所得税怎么退税|tax", "how do I file my income tax return|tax", "离婚官司怎么打|court",
					"I want to sue my landlord|court", "where can I get a document notarised|notary",
					"买了新车怎么上牌|vehicle", "家里停电了找谁|utilities", "买房后房产证怎么办|property" })
	void findsTheTopic(String question, String topic) {
		assertThat(table.of(question)).as(question).hasValueSatisfying(t -> assertThat(t.topic()).isEqualTo(topic));
	}

	@ParameterizedTest
	@ValueSource(strings = { "身份证过期了怎么换新的", "协议离婚要去几次", "在外省住院花的钱回来怎么报销，要带发票吗", "is the childcare subsidy taxed",
			"I am a migrant worker, how can I get a residence permit", "驾照快到期了怎么换", "where to renew driving licence",
			"free bus card for seniors", "register my rental contract", "taxi driver permit" })
	void leavesTheCatalogsMattersAlone(String question) {
		assertThat(table.of(question)).as(question).isEmpty();
	}

	@Test
	void everyTopicSaysWhoAndHowInBothLanguages() {
		assertThat(table.all()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(t -> {
			for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
				assertThat(t.name().in(locale)).isNotBlank();
				assertThat(t.where().in(locale)).isNotBlank();
				assertThat(t.how().in(locale)).isNotBlank();
			}
			assertThat(t.words().get("zh")).isNotEmpty();
			assertThat(t.words().get("en")).isNotEmpty();
		});
	}

}
