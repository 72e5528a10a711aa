package org.onestop.catalog;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.catalog.MatterStore.Change;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The services API's answers kept as JSON per node: the same question gets the same
 * answer until the catalog moves, in the asker's language, and a change written by
 * another node is answered as soon as this node's sync has seen it — asked with the very
 * same query that was answered (and kept) before the change.
 */
@IntegrationTest
class ServiceListAnswersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogIndexSync sync;

	@Autowired
	MatterStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	private static MatterDefinition permit(String code, String zh) {
		return TestMatters.matter(code, "TR", zh, "Kept answer permit No. " + code.substring(code.lastIndexOf('-') + 1),
				MatterDefinition.Channel.ONLINE);
	}

	private String answer(String q, String language) throws Exception {
		return mvc.perform(get("/api/v1/services").param("q", q).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theSameQuestionIsAnsweredAlikeInTheAskersLanguage() throws Exception {
		catalog.publish("test", "TR-TST-121", catalog.save("test", permit("TR-TST-121", "测试答案停车证")));
		sync.sync();
		String chinese = answer("测试答案停车证", "zh-CN");
		assertThat(answer("测试答案停车证", "zh-CN")).isEqualTo(chinese);
		assertThat(chinese).contains("测试答案停车证").contains("\"total\"").contains("\"departmentName\"");
		String english = answer("测试答案停车证", "en");
		assertThat(english).contains("Kept answer permit No. 121").doesNotContain("测试答案停车证");
		// Published test matters would be found by every later test's searches.
		catalog.withdraw("test", "TR-TST-121");
	}

	@Test
	void anotherNodesChangeIsAnsweredOnceTheSyncHasSeenIt() throws Exception {
		catalog.publish("test", "TR-TST-122", catalog.save("test", permit("TR-TST-122", "测试他处答案证")));
		sync.sync();
		mvc.perform(get("/api/v1/services").param("q", "测试他处答案证"))
			.andExpect(jsonPath("$.items[*].code", hasItem("TR-TST-122")));

		// What another node's withdrawal leaves in the database: no event here.
		transactions.executeWithoutResult(tx -> {
			store.withdraw("TR-TST-122", clock.instant());
			store.recordChange(Change.Kind.MATTER, List.of("TR-TST-122"));
		});
		sync.sync();
		mvc.perform(get("/api/v1/services").param("q", "测试他处答案证"))
			.andExpect(jsonPath("$.items[*].code", not(hasItem("TR-TST-122"))));
	}

	@Test
	void aBadQuestionIsStillRefusedAndNothingIsKeptForIt() throws Exception {
		mvc.perform(get("/api/v1/services").param("size", "0")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/services").param("size", "0")).andExpect(status().isBadRequest());
	}

}
