package org.onestop.assistant;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onestop.assistant.AgeMentions.Relation;

import static org.assertj.core.api.Assertions.assertThat;

/** Ages and whose they are, as citizens write them. */
class AgeMentionsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "我妈妈今年八十岁，有没有什么补贴可以领|80", "我妈妈80岁了有什么补贴|80", "我爸七十多了|70", "老人80多岁有什么钱可以领|80", "我奶奶九十五岁了|95",
					"我爷爷九十岁|90", "我外婆今年八十二，能领高龄补贴吗|82", "我姥爷85了|85", "我婆婆快八十了有补贴吗|79", "老人一百岁有什么补贴|100", "父亲年满70岁了|70",
					"我母亲今年七十五周岁|75", "我儿子两岁|2", "孩子一岁半了|1", "我女儿三个月大，补贴怎么领|0", "孩子16岁了第一次办身份证|16", "我今年六十五岁了，坐车有优惠吗|65",
					"my father is 82, what can he get|82", "my mother is eighty, is there any allowance|80",
					"my grandfather is ninety-two years old|92", "my dad is in his seventies|70", "I am 80|80",
					"my 70 year old father|70", "my grandma turned 75|75", "allowance for old people over 70|70",
					"childcare subsidy for my 2 year old|2", "my baby is 3 months old|0",
					"my mom 八十岁 what subsidy|80" })
	void readsTheAge(String question, int age) {
		assertThat(AgeMentions.of(question).age()).as(question).contains(age);
	}

	@ParameterizedTest
	@ValueSource(strings = { "公积金贷款30万要什么材料", "身份证丢了怎么办", "办身份证要10天吗", "我要办第一次身份证", "I have 2 questions",
			"it took 3 years to get my pension", "社保交了十五年了能退休吗", "三岁以下的育儿补贴怎么领", "6岁以内的孩子要打什么疫苗" })
	void readsNoAgeWhereTheNumberIsNotOne(String question) {
		assertThat(AgeMentions.of(question).age()).as(question).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "我妈妈今年八十岁|PARENT", "我爸七十多了|PARENT", "我外婆今年八十二|GRANDPARENT", "我爷爷九十岁|GRANDPARENT", "家里老人八十了|ELDER",
					"我儿子两岁|CHILD", "我今年六十五岁了|SELF", "my father is 82|PARENT", "my grandma turned 75|GRANDPARENT",
					"I am 80|SELF", "I want to apply for my mother|PARENT", "free bus card for seniors|ELDER",
					"身份证丢了|UNKNOWN" })
	void readsWhoseAgeItIs(String question, Relation relation) {
		assertThat(AgeMentions.of(question).relation()).as(question).isEqualTo(relation);
	}

	@Test
	void anOldRelationWithoutAnAgeIsElderlyAndAParentIsNotAssumedOld() {
		assertThat(AgeMentions.of("家里老人有什么补贴").elderly()).isTrue();
		assertThat(AgeMentions.of("my grandfather needs help").elderly()).isTrue();
		assertThat(AgeMentions.of("我妈妈有什么补贴").elderly()).isFalse();
		assertThat(AgeMentions.of("我妈妈有什么补贴").child()).isFalse();
		assertThat(AgeMentions.of("孩子上学坐公交").child()).isTrue();
		assertThat(AgeMentions.of("我妈妈八十岁").elderly()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "八十|80", "七十多|70多", "九十五|95", "一百|100", "两岁|2岁", "十八|18", "一百零五|105", "二十|20" })
	void turnsChineseNumeralsIntoDigits(String numeral, String digits) {
		assertThat(AgeMentions.chineseDigits(numeral)).isEqualTo(digits);
	}

	@Test
	void turnsEnglishNumberWordsIntoDigits() {
		assertThat(AgeMentions.englishDigits("eighty-two and seventy five, a hundred, nine"))
			.isEqualTo("82 and 75, 100, 9");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "how do I renew my ID card|en", "身份证丢了怎么补办|zh", "我的ID card丢了怎么办|zh", "我妈妈 80 岁 allowance 怎么申请|zh",
					"my mom 八十岁 what subsidy|en", "社保卡 application 要多久|zh", "how to apply for 低保|en",
					"公积金 loan 买房要什么材料|zh", "ok|en", "好|zh" })
	void answersInTheQuestionsLanguageWhateverTheInterface(String question, String language) {
		assertThat(QuestionLanguage.of(question, Locale.SIMPLIFIED_CHINESE).getLanguage()).as(question)
			.isEqualTo(language);
		assertThat(QuestionLanguage.of(question, Locale.ENGLISH).getLanguage()).as(question).isEqualTo(language);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PS-ID-001", "12345", "🙂", "" })
	void keepsTheInterfacesLanguageWhenTheQuestionDoesNotTell(String question) {
		assertThat(QuestionLanguage.of(question, Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(QuestionLanguage.of(question, Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
		assertThat(Optional.of(QuestionLanguage.of("ID 卡", Locale.ENGLISH))).contains(Locale.ENGLISH);
	}

}
