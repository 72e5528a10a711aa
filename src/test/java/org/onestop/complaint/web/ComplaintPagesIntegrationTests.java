package org.onestop.complaint.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.complaint.Dispatch;
import org.onestop.complaint.Handling;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The citizen's complaint pages as a browser without JavaScript uses them: filing signed
 * in and anonymously, refusals beside their fields with nothing lost, "is this what you
 * are reporting?" answered both ways, the private link, another person's complaint as
 * absent, and the verdict form that reopens and closes.
 */
@IntegrationTest
class ComplaintPagesIntegrationTests {

	private static final Pattern FILED = Pattern
		.compile("/complaints/([0-9a-f-]{36})/filed\\?code=([2-9A-Z]{5}-[2-9A-Z]{5})");

	/** A PNG's signature: enough for the vault to take it as an image. */
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R', 0, 0, 0, 1 };

	private static final OneStopUser DISPATCHER = new OneStopUser("dispatcher", "调度员", true, null, "DC",
			Set.of(Role.DISPATCHER));

	private static final OneStopUser HANDLER = new OneStopUser("handler.ps", "承办人", true, null, "PS",
			Set.of(Role.COMPLAINT_HANDLER));

	@Autowired
	MockMvc mvc;

	@Autowired
	Dispatch dispatch;

	@Autowired
	Handling handling;

	@Test
	void anAnonymousReporterFilesWithoutASessionAndFollowsItByThePrivateLinkOnly() throws Exception {
		String form = page(get("/complaints/new"));
		assertThat(form).contains("name=\"categoryCode\"", "name=\"description\"", "name=\"latitude\"",
				"name=\"contactPhone\"", "name=\"_csrf\"", "data-testid=\"photos-sign-in\"", "只能凭查询码查看进度");
		assertThat(form).as("anonymous reporters upload nothing").doesNotContain("type=\"file\"");

		MvcResult result = mvc
			.perform(post("/complaints/new").with(csrf())
				.param("categoryCode", "ENV-NOISE-NEIGHBOUR")
				.param("description", "匿名反映：楼下棋牌室每晚吵到两点")
				.param("address", "西城区某胡同 12 号"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getRequest().getSession(false)).as("no session for an anonymous reporter").isNull();
		Matcher filed = filed(result.getResponse());
		String id = filed.group(1);
		String code = filed.group(2);

		String confirmation = page(get("/complaints/" + id + "/filed").param("code", code));
		assertThat(confirmation).contains(code, "/complaints/" + id + "?code=" + code, "请保存这个链接", "派单中心", "7 个工作日内答复");
		noCodesOrKeys(confirmation);

		String view = page(get("/complaints/" + id).param("code", code));
		assertThat(view).contains("匿名反映：楼下棋牌室每晚吵到两点", "西城区某胡同 12 号", "待派单", "诉求已受理");
		noCodesOrKeys(view);
		assertThat(view).as("no verdict before a reply").doesNotContain("data-testid=\"verdict-form\"");

		mvc.perform(get("/complaints/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/complaints/" + id).param("code", "AAAAA-AAAAA")).andExpect(status().isNotFound());
		mvc.perform(get("/complaints/" + id + "/filed")).andExpect(status().isNotFound());
		mvc.perform(get("/complaints/" + id).with(citizen("wang.fang"))).andExpect(status().isNotFound());
	}

	@Test
	void aRefusedFormShowsEachProblemBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
		String refused = page(post("/complaints/new").with(csrf())
			.with(citizen("zhao.lei"))
			.param("description", "  ")
			.param("address", "朝阳区建国路 88 号东门")
			.param("contactPhone", "call me maybe"));
		assertThat(refused).contains("govuk-error-summary", "href=\"#categoryCode\"", "href=\"#description\"",
				"href=\"#contactPhone\"", "id=\"categoryCode-error\"", "id=\"description-error\"",
				"id=\"contactPhone-error\"", "请选择一个诉求分类", "value=\"朝阳区建国路 88 号东门\"", "value=\"call me maybe\"");
		noCodesOrKeys(refused);

		String notANumber = page(post("/complaints/new").with(csrf())
			.with(citizen("zhao.lei"))
			.param("categoryCode", "CITY-STREET-VENDOR")
			.param("description", "夜市摊位占满人行道")
			.param("latitude", "north-ish")
			.param("longitude", "116.4"));
		assertThat(notANumber).contains("href=\"#latitude\"", "id=\"location-error\"", "纬度和经度要写成数字",
				"value=\"north-ish\"", "夜市摊位占满人行道</textarea>");
		assertThat(notANumber).containsPattern("value=\"CITY-STREET-VENDOR\"\\s+checked");
	}

	@Test
	void anUploadIsKeptWhenTheFormIsRefusedAndAttachedWhenItIsSent() throws Exception {
		String refused = page(
				multipart("/complaints/new").file(new MockMultipartFile("upload", "street.png", "image/png", PNG))
					.with(csrf())
					.with(citizen("zhao.lei"))
					.param("categoryCode", "CITY-GARBAGE")
					.param("uploadTitle", "垃圾堆照片"));
		Matcher ticked = Pattern.compile("id=\"doc-([0-9a-f-]{36})\"[^>]*checked[^>]*>\\s*<label[^>]*>垃圾堆照片")
			.matcher(refused);
		assertThat(ticked.find()).as("the upload ticked on the refused form").isTrue();
		assertThat(refused).contains("id=\"description-error\"");

		MvcResult sent = mvc
			.perform(multipart("/complaints/new").with(csrf())
				.with(citizen("zhao.lei"))
				.param("categoryCode", "CITY-GARBAGE")
				.param("description", "小区门口垃圾三天没人清运")
				.param("documentIds", ticked.group(1)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String id = filed(sent.getResponse()).group(1);
		assertThat(page(get("/complaints/" + id).with(citizen("zhao.lei")))).contains("附有 1 个文件");
	}

	@Test
	void aNearbyOpenComplaintIsOfferedBeforeFilingAndEitherAnswerFiles() throws Exception {
		String first = filed(mvc
			.perform(post("/complaints/new").with(csrf())
				.with(citizen("li.na"))
				.param("categoryCode", "CITY-STREET-VENDOR")
				.param("description", "烧烤摊占了整条人行道")
				.param("address", "延庆区测试路 1 号")
				.param("latitude", "41.0100")
				.param("longitude", "117.4100"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()).group(1);

		MockHttpServletRequestBuilder same = post("/complaints/new").with(csrf())
			.with(citizen("zhao.lei"))
			.param("categoryCode", "CITY-STREET-VENDOR")
			.param("description", "测试路口的烧烤摊油烟很大")
			.param("latitude", "41.0104")
			.param("longitude", "117.4100");
		String asked = page(same);
		assertThat(asked).contains("data-testid=\"nearby\"", "这是您要反映的问题吗？", "延庆区测试路 1 号",
				"name=\"duplicateOf\" value=\"" + first + "\"", "name=\"action\" value=\"new\"",
				"name=\"nearbyChecked\" value=\"CITY-STREET-VENDOR 41.0104 117.4100\"");
		assertThat(asked).as("the other reporter's words are theirs").doesNotContain("烧烤摊占了整条人行道");
		assertThat(asked).as("what was typed is kept").contains("测试路口的烧烤摊油烟很大");

		String joined = filed(mvc
			.perform(post("/complaints/new").with(csrf())
				.with(citizen("zhao.lei"))
				.param("categoryCode", "CITY-STREET-VENDOR")
				.param("description", "测试路口的烧烤摊油烟很大")
				.param("latitude", "41.0104")
				.param("longitude", "117.4100")
				.param("nearbyChecked", "CITY-STREET-VENDOR 41.0104 117.4100")
				.param("duplicateOf", first))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()).group(1);
		assertThat(page(get("/complaints/" + joined + "/filed").with(citizen("zhao.lei")))).contains("您已加入附近同一个问题的诉求");
		assertThat(page(get("/complaints/" + joined).with(citizen("zhao.lei")))).contains("已并入");

		MockHttpServletResponse different = mvc
			.perform(post("/complaints/new").with(csrf())
				.with(citizen("wang.fang"))
				.param("categoryCode", "CITY-STREET-VENDOR")
				.param("description", "另一个摊位：卖水果的三轮车堵了消防通道")
				.param("latitude", "41.0102")
				.param("longitude", "117.4101")
				.param("nearbyChecked", "CITY-STREET-VENDOR 41.0102 117.4101")
				.param("action", "new"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse();
		String separate = filed(different).group(1);
		String view = page(get("/complaints/" + separate).with(citizen("wang.fang")));
		assertThat(view).contains("待派单").doesNotContain("已并入");

		// Answered once for this place, the same form files rather than asking again.
		MockHttpServletResponse again = mvc
			.perform(post("/complaints/new").with(csrf())
				.with(citizen("wang.fang"))
				.param("categoryCode", "CITY-STREET-VENDOR")
				.param("description", "还是那辆三轮车")
				.param("latitude", "41.0102")
				.param("longitude", "117.4101")
				.param("nearbyChecked", "CITY-STREET-VENDOR 41.0102 117.4101"))
			.andReturn()
			.getResponse();
		assertThat(again.getStatus()).isEqualTo(302);

		// Joining a complaint about something else is refused on the form, not as an
		// error
		// page.
		String refused = page(post("/complaints/new").with(csrf())
			.with(citizen("wang.fang"))
			.param("categoryCode", "CITY-GARBAGE")
			.param("description", "垃圾桶满了")
			.param("duplicateOf", first));
		assertThat(refused).contains("href=\"#nearby\"", "id=\"nearby\"", "data-testid=\"nearby-error\"", "垃圾桶满了");
	}

	@Test
	void myComplaintsListsMineInWordsAndAnotherCitizenFindsNothing() throws Exception {
		String id = filed(mvc
			.perform(post("/complaints/new").with(csrf())
				.with(citizen("li.na"))
				.param("categoryCode", "MKT-PRICE")
				.param("description", "超市标价和结账价格不一致"))
			.andReturn()
			.getResponse()).group(1);
		String mine = page(get("/complaints").with(citizen("li.na")));
		assertThat(mine).contains("/complaints/" + id + "\"", "价格和乱收费", "待派单", "12345市民服务热线中心");
		noCodesOrKeys(mine);
		assertThat(page(get("/complaints").with(citizen("wang.fang")))).doesNotContain(id);
		assertThat(page(get("/complaints?lang=en").with(citizen("li.na")))).contains("My complaints",
				"Prices and overcharging", "Waiting to be dispatched");

		mvc.perform(get("/complaints/" + id).with(citizen("wang.fang"))).andExpect(status().isNotFound());
		mvc.perform(post("/complaints/" + id + "/verdict").with(csrf())
			.with(citizen("wang.fang"))
			.param("solved", "true")
			.param("rating", "5")).andExpect(status().isNotFound());
		mvc.perform(get("/complaints")).andExpect(status().is3xxRedirection());
	}

	@Test
	void notSolvedReopensAndSolvedClosesThroughTheVerdictForm() throws Exception {
		String id = filed(mvc
			.perform(post("/complaints/new").with(csrf())
				.with(citizen("li.na"))
				.param("categoryCode", "ENV-NOISE-NEIGHBOUR")
				.param("description", "楼上装修周末早上七点就开始电钻"))
			.andReturn()
			.getResponse()).group(1);
		UUID complaint = UUID.fromString(id);
		dispatch.dispatch(DISPATCHER, complaint, "PS", List.of(), Locale.CHINA);
		handling.contact(HANDLER, complaint, "电话联系", Locale.CHINA);
		handling.reply(HANDLER, complaint, "已上门提醒，周末九点前不施工", List.of(), Locale.CHINA);

		String replied = page(get("/complaints/" + id).with(citizen("li.na")));
		assertThat(replied).contains("data-testid=\"verdict-form\"", "已上门提醒，周末九点前不施工", "1 分：非常不满意", "5 分：非常满意");
		noCodesOrKeys(replied);
		assertThat(replied).as("no staff names").doesNotContain("handler.ps", "承办人");

		String refused = page(post("/complaints/" + id + "/verdict").with(csrf())
			.with(citizen("li.na"))
			.param("rating", "2")
			.param("comment", "还是很吵"));
		assertThat(refused).contains("href=\"#solved\"", "id=\"solved-error\"", "还是很吵</textarea>")
			.containsPattern("value=\"2\"\\s+checked");

		mvc.perform(post("/complaints/" + id + "/verdict").with(csrf())
			.with(citizen("li.na"))
			.param("solved", "false")
			.param("rating", "2")).andExpect(status().is3xxRedirection());
		String reopened = page(get("/complaints/" + id).with(citizen("li.na")).param("judged", ""));
		assertThat(reopened).contains("谢谢，您的评价已收到", "办理中", "没有解决").doesNotContain("data-testid=\"verdict-form\"");

		handling.reply(HANDLER, complaint, "已协调物业，限定施工时间", List.of(), Locale.CHINA);
		mvc.perform(post("/complaints/" + id + "/verdict").with(csrf())
			.with(citizen("li.na"))
			.param("solved", "true")
			.param("rating", "5")).andExpect(status().is3xxRedirection());
		assertThat(page(get("/complaints/" + id).with(citizen("li.na")))).contains("已解决", "5 分：非常满意")
			.doesNotContain("data-testid=\"verdict-form\"");
	}

	@Test
	void anAnonymousReporterGivesTheVerdictWithTheCodeInTheForm() throws Exception {
		Matcher filed = filed(mvc
			.perform(post("/complaints/new").with(csrf())
				.param("categoryCode", "ENV-NOISE-NEIGHBOUR")
				.param("description", "小区广场舞音响太响"))
			.andReturn()
			.getResponse());
		UUID complaint = UUID.fromString(filed.group(1));
		String code = filed.group(2);
		dispatch.dispatch(DISPATCHER, complaint, "PS", List.of(), Locale.CHINA);
		handling.reply(HANDLER, complaint, "已与广场舞队约定音量", List.of(), Locale.CHINA);

		assertThat(page(get("/complaints/" + complaint).param("code", code)))
			.contains("name=\"code\" value=\"" + code + "\"");
		mvc.perform(
				post("/complaints/" + complaint + "/verdict").with(csrf()).param("solved", "true").param("rating", "4"))
			.andExpect(status().isNotFound());
		String location = mvc
			.perform(post("/complaints/" + complaint + "/verdict").with(csrf())
				.param("code", code)
				.param("solved", "true")
				.param("rating", "4"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).isEqualTo("/complaints/" + complaint + "?judged&code=" + code);
		assertThat(page(get(location))).contains("已解决", "4 分：满意");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static Matcher filed(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		Matcher matcher = FILED.matcher(response.getRedirectedUrl());
		assertThat(matcher.matches()).as(response.getRedirectedUrl()).isTrue();
		return matcher;
	}

	/** Users read names, never the codes behind them or a message key. */
	private static void noCodesOrKeys(String html) {
		assertThat(html).doesNotContainPattern("complaint\\.[a-z]+\\.")
			.doesNotContainPattern(">\\s*(NEW|DISPATCHED|IN_PROGRESS|REPLIED|CLOSED|GENERAL_7D)\\s*<");
	}

	private static RequestPostProcessor citizen(String username) {
		OneStopUser user = new OneStopUser(username, username, false, null, null, Set.of());
		return authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
	}

}
