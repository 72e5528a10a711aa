package org.onestop.assistant;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onestop.assistant.QuestionIntents.Intent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word lists for messages that are not about a matter, and what they must leave to
 * the catalog.
 */
class AnswerIntentsTests {

	@ParameterizedTest
	@ValueSource(strings = { "我的申请到哪了", "办到哪一步了", "我那个低保办到哪一步了？", "查一下申请进度", "where is my application",
			"Status of my application?", "what's my application status" })
	void recognisesAskingAfterOnesApplications(String text) {
		assertThat(QuestionIntents.of(text)).contains(Intent.MY_APPLICATIONS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "我的预约", "我预约的是哪天？", "When is my appointment?", "can I see my booking" })
	void recognisesAskingAfterOnesAppointments(String text) {
		assertThat(QuestionIntents.of(text)).contains(Intent.MY_APPOINTMENTS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "你好", "您好！", "在吗", "hello", "Hi", "Good morning!" })
	void recognisesGreetings(String text) {
		assertThat(QuestionIntents.of(text)).contains(Intent.GREETING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "谢谢", "谢谢你啊", "好的，谢谢！", "thanks", "Thank you very much", "ok thanks" })
	void recognisesThanks(String text) {
		assertThat(QuestionIntents.of(text)).contains(Intent.THANKS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "你好，身份证丢了怎么办", "hello, how do I renew my ID card", "谢谢，那结婚登记要带什么",
			"how do I book an appointment", "怎么申请低保", "this is thin", "转人工", "I want to talk to a person", "我要投诉", "" })
	void leavesQuestionsAndPeopleAndComplaintsAlone(String text) {
		assertThat(QuestionIntents.of(text)).isEqualTo(Optional.empty());
	}

}
