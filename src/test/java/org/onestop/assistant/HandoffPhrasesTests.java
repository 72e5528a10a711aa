package org.onestop.assistant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffPhrasesTests {

	@ParameterizedTest
	@ValueSource(strings = { "人工", "转人工", "人工服务", "找客服", "human", "agent", "operator", "person", "0", "０", "  人工  ",
			"HUMAN", "Ｈｕｍａｎ", "Agent!", "人工。", "我要人工", "请帮我转人工", "转人工服务", "我要找人工客服", "能不能和真人说话",
			"I want to talk to a person", "i want to speak to a real person", "real person please",
			"Can I talk to someone?", "connect me with an agent", "I need a human", "human please", "operator, please",
			"找个工作人员" })
	void typedRequestsForAPersonHandOff(String text) {
		assertThat(HandoffPhrases.asksForPerson(text)).as(text).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "I lost my personal ID card", "personal income tax", "how do I renew my ID", "00", "10",
			"what does a registered agent of a company do", "人工智能", "身份证丢了怎么办", "agents of change in my company",
			"the person named on the certificate has died", "", "   " })
	void questionsThatMerelyContainTheWordsStayWithTheAssistant(String text) {
		assertThat(HandoffPhrases.asksForPerson(text)).as(text).isFalse();
	}

	@Test
	void yesAndNoToAnOffer() {
		assertThat(HandoffPhrases.yes("是")).isTrue();
		assertThat(HandoffPhrases.yes(" Yes! ")).isTrue();
		assertThat(HandoffPhrases.yes("好的。")).isTrue();
		assertThat(HandoffPhrases.yes("是不是要带户口本")).isFalse();
		assertThat(HandoffPhrases.no("不用了")).isTrue();
		assertThat(HandoffPhrases.no("No thanks")).isTrue();
	}

	@Test
	void complaintsInBothLanguages() {
		assertThat(HandoffPhrases.complaint("我要投诉你们窗口")).isTrue();
		assertThat(HandoffPhrases.complaint("服务太差了")).isTrue();
		assertThat(HandoffPhrases.complaint("很急，明天就要用")).isTrue();
		assertThat(HandoffPhrases.complaint("This is terrible")).isTrue();
		assertThat(HandoffPhrases.complaint("URGENT: my passport")).isTrue();
		// Everyday words that are not complaints: 加急 (express service), "help me" in a
		// plain question.
		assertThat(HandoffPhrases.complaint("加急办理护照要什么材料")).isFalse();
		assertThat(HandoffPhrases.complaint("can you help me renew my ID card")).isFalse();
		assertThat(HandoffPhrases.complaint("how do I renew my ID card")).isFalse();
		assertThat(HandoffPhrases.complaint("helpful")).isFalse();
	}

	@Test
	void distressInBothLanguages() {
		assertThat(HandoffPhrases.distress("我真的不想活了")).isTrue();
		assertThat(HandoffPhrases.distress("救命")).isTrue();
		assertThat(HandoffPhrases.distress("I want to kill myself")).isTrue();
		assertThat(HandoffPhrases.distress("I want to end my life")).isTrue();
		assertThat(HandoffPhrases.distress("how do I register a death")).isFalse();
	}

}
