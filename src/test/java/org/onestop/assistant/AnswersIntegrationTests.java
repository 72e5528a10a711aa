package org.onestop.assistant;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers against the demo catalog: the kinds, the replies in both languages, and the
 * buttons by channel.
 */
@IntegrationTest
class AnswersIntegrationTests {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Autowired
	Answers answers;

	private static List<String> hrefs(Answer answer, Action.Type type) {
		return answer.actions().stream().filter(a -> a.type() == type).map(Action::href).toList();
	}

	@Test
	void answersOneClearMatterInChineseWithWhatToBringWhereHowLongAndOnline() {
		Answer answer = answers.answer("我的身份证丢了咋办", ZH);
		assertThat(answer.kind()).isEqualTo(Answer.Kind.MATTER);
		assertThat(answer.confident()).isTrue();
		assertThat(answer.matters()).extracting(MatterSuggestion::code).containsExactly("PS-ID-003");
		assertThat(answer.matters().get(0).department()).isEqualTo("公安局");
		assertThat(answer.reply()).contains("居民身份证丢失补领（公安局办理）", "不用准备材料", "不用您交（部门直接调取）：户口簿", "在哪办：市政务服务中心",
				"要多久：承诺7个工作日", "能不能网上办：能在网上申请");
	}

	@Test
	void saysWhatToPrepareAndAnswersTheFaqTheQuestionAsks() {
		Answer answer = answers.answer("协议离婚要去几次", ZH);
		assertThat(answer.kind()).isEqualTo(Answer.Kind.MATTER);
		assertThat(answer.reply()).contains("离婚登记", "要准备的材料：", "（带原件到窗口）", "能不能网上办：不能");
	}

	@Test
	void answersInEnglishWhenAskedInEnglish() {
		Answer answer = answers.answer("how do i renew my id card", Locale.ENGLISH);
		assertThat(answer.kind()).isEqualTo(Answer.Kind.MATTER);
		assertThat(answer.matters()).extracting(MatterSuggestion::name).containsExactly("Resident ID card renewal");
		assertThat(answer.reply())
			.contains("Resident ID card renewal", "What to prepare", "Where:", "working days", "Online?")
			.doesNotContainPattern("\\p{IsHan}");
	}

	@Test
	void hybridMattersOfferApplyBookAndReadMore() {
		Answer answer = answers.answer("PS-ID-001", ZH);
		assertThat(answer.kind()).isEqualTo(Answer.Kind.MATTER);
		assertThat(hrefs(answer, Action.Type.APPLY)).containsExactly("/services/PS-ID-001/apply");
		assertThat(hrefs(answer, Action.Type.BOOK)).containsExactly("/services/PS-ID-001/book");
		assertThat(hrefs(answer, Action.Type.READ_MORE)).containsExactly("/services/PS-ID-001");
	}

	@Test
	void onlineMattersOfferNoBookingAndInPersonMattersNoApplication() {
		Answer online = answers.answer("CA-ELD-001", ZH);
		assertThat(hrefs(online, Action.Type.APPLY)).containsExactly("/services/CA-ELD-001/apply");
		assertThat(hrefs(online, Action.Type.BOOK)).isEmpty();
		assertThat(online.matters().get(0).online()).isTrue();
		Answer inPerson = answers.answer("ca-mar-001", Locale.ENGLISH);
		assertThat(hrefs(inPerson, Action.Type.APPLY)).isEmpty();
		assertThat(hrefs(inPerson, Action.Type.BOOK)).containsExactly("/services/CA-MAR-001/book");
		assertThat(inPerson.matters().get(0).online()).isFalse();
		assertThat(inPerson.reply()).contains("Online? No");
	}

	@Test
	void closeMattersAskWhichWithOneButtonPerMatterThatSendsItsCode() {
		Answer answer = answers.answer("公积金", ZH);
		assertThat(answer.kind()).isEqualTo(Answer.Kind.CHOOSE);
		assertThat(answer.matters()).hasSizeBetween(2, 3);
		assertThat(answer.actions()).hasSameSizeAs(answer.matters()).allSatisfy(a -> {
			assertThat(a.type()).isEqualTo(Action.Type.CHOOSE);
			assertThat(a.message()).startsWith("HU-PF-");
		});
		String chosen = answer.actions().get(1).message();
		Answer followUp = answers.answer(chosen, ZH);
		assertThat(followUp.kind()).isEqualTo(Answer.Kind.MATTER);
		assertThat(followUp.matters()).extracting(MatterSuggestion::code).containsExactly(chosen);
	}

	@Test
	void saysSoHonestlyWhenNothingFits() {
		for (String question : List.of("今天天气怎么样", "tell me a joke", "怎么办？", "XX-NONE-001")) {
			Answer answer = answers.answer(question, ZH);
			assertThat(answer.kind()).as(question).isEqualTo(Answer.Kind.UNKNOWN);
			assertThat(answer.confident()).isFalse();
			assertThat(answer.matters()).isEmpty();
			// In the question's language: English typed in the Chinese interface is
			// answered in English.
			assertThat(answer.reply()).as(question)
				.contains(question.equals("tell me a joke") ? "could not find" : "没有找到");
		}
		assertThat(answers.answer("who won the football game", Locale.ENGLISH).reply()).startsWith("Sorry");
	}

	@Test
	void recognisesOwnApplicationsAppointmentsAndSmallTalk() {
		assertThat(answers.answer("我的申请到哪了", ZH).kind()).isEqualTo(Answer.Kind.MY_APPLICATIONS);
		assertThat(answers.answer("where is my application", Locale.ENGLISH).kind())
			.isEqualTo(Answer.Kind.MY_APPLICATIONS);
		assertThat(answers.answer("when is my appointment", Locale.ENGLISH).kind())
			.isEqualTo(Answer.Kind.MY_APPOINTMENTS);
		assertThat(answers.answer("你好", ZH).kind()).isEqualTo(Answer.Kind.SMALL_TALK);
		assertThat(answers.answer("thanks!", Locale.ENGLISH).reply()).isEqualTo("You are welcome! Ask me any time.");
	}

	@Test
	void anEightyYearOldMotherGetsTheElderlyAllowanceNeverTheChildcareSubsidy() {
		for (String question : List.of("我妈妈今年八十岁，有没有什么补贴可以领", "我妈妈80岁了有什么补贴", "我爸七十多了，能领什么补贴", "老人80多岁有什么钱可以领",
				"my mother is eighty, is there any allowance for her")) {
			Answer answer = answers.answer(question, ZH);
			assertThat(answer.matters()).as(question)
				.extracting(MatterSuggestion::code)
				.contains("CA-ELD-001")
				.doesNotContain("HE-CCS-001");
		}
		Answer mother = answers.answer("我妈妈今年八十岁，有没有什么补贴可以领", ZH);
		assertThat(mother.kind()).isEqualTo(Answer.Kind.MATTER);
		assertThat(mother.reply()).startsWith("高龄津贴").doesNotContain("育儿");
		Answer son = answers.answer("我儿子两岁，有育儿补贴吗", ZH);
		assertThat(son.matters()).extracting(MatterSuggestion::code).containsExactly("HE-CCS-001");
		Answer busCard = answers.answer("我妈六十八岁，坐公交要钱吗", ZH);
		assertThat(busCard.matters()).extracting(MatterSuggestion::code).containsExactly("TR-SEN-001");
	}

	@Test
	void saysPassportsAreNotHandledHereAndWhereTheyAreWithoutOfferingAnyMatter() {
		Answer chinese = answers.answer("护照过期了怎么换", Locale.ENGLISH);
		assertThat(chinese.kind()).isEqualTo(Answer.Kind.ELSEWHERE);
		assertThat(chinese.confident()).isTrue();
		assertThat(chinese.matters()).isEmpty();
		assertThat(chinese.actions()).isEmpty();
		assertThat(chinese.reply()).startsWith("护照和港澳台通行证不在本平台办理：请到公安局出入境管理部门").contains("12367");
		Answer english = answers.answer("how do I renew my passport", ZH);
		assertThat(english.kind()).isEqualTo(Answer.Kind.ELSEWHERE);
		assertThat(english.matters()).isEmpty();
		assertThat(english.reply()).contains("not handled on this platform", "exit-entry administration")
			.doesNotContainPattern("\\p{IsHan}");
		assertThat(answers.answer("离婚官司怎么打", ZH).reply()).contains("人民法院", "12368");
	}

	@Test
	void answersInTheQuestionsLanguageWhateverTheInterface() {
		Answer english = answers.answer("how do i renew my id card", ZH);
		assertThat(english.kind()).isEqualTo(Answer.Kind.MATTER);
		assertThat(english.matters()).extracting(MatterSuggestion::name).containsExactly("Resident ID card renewal");
		assertThat(english.reply()).contains("What to prepare").doesNotContainPattern("\\p{IsHan}");
		Answer chinese = answers.answer("身份证过期了怎么换新的", Locale.ENGLISH);
		assertThat(chinese.matters()).extracting(MatterSuggestion::name).containsExactly("居民身份证换领");
		assertThat(chinese.reply()).contains("居民身份证换领");
		Answer mixed = answers.answer("我的ID card丢了怎么办", Locale.ENGLISH);
		assertThat(mixed.matters()).extracting(MatterSuggestion::code).containsExactly("PS-ID-003");
		assertThat(mixed.reply()).contains("居民身份证丢失补领");
	}

}
