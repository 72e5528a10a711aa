package org.onestop.application;

import com.jayway.jsonpath.JsonPath;

import org.onestop.identity.DemoTexts;
import org.onestop.platform.Tokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Demo residents aged 70 or more, with complete registry records (population and social security):
 * each test that takes an application through to a decision uses its own, so that the 180-day rule on
 * repeated rejections of one resident never couples two tests.
 */
final class Citizens {

	static final String[][] ELDERS = { { "110101195004049371", "邱海涛", "15706980573" },
			{ "110101195303213784", "肖霞", "13386272936" }, { "110102195010314342", "张霞", "15101360079" },
			{ "110106195301052413", "于超", "15351465683" }, { "110106195110134985", "金霞", "13141278897" },
			{ "110106195008108377", "覃涛", "13450570473" }, { "110106195203108006", "孔静", "13740773790" },
			{ "110105195103273155", "姜鹏", "19104575585" }, { "110105195311265184", "任秀英", "18952305370" },
			{ "110105194703039050", "杨伟", "18204506843" }, { "110106194106242778", "付斌", "15613308446" } };

	private Citizens() {
	}

	/**
	 * Registers the elder (once, through both steps with the code the demo's stand-in for the SMS gateway shows)
	 * and returns an Authorization header value for them.
	 */
	static String elder(MockMvc mvc, int index) throws Exception {
		String[] elder = ELDERS[index];
		String password = "long-enough-1";
		String username = elder[0].toLowerCase();
		int signIn = mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.andReturn().getResponse().getStatus();
		if (signIn != 200) {
			DemoTexts.register(mvc, elder[1], elder[0], password);
		}
		return "Bearer " + Tokens.of(mvc, username, password);
	}

	static String token(MockMvc mvc, String username) throws Exception {
		return "Bearer " + Tokens.of(mvc, username);
	}

	static String id(String json) {
		return JsonPath.read(json, "$.id");
	}
}
