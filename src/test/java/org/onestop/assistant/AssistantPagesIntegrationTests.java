package org.onestop.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reaches the assistant's pages: a conversation only its owner (404 to everyone else,
 * signed in or not), the agent console only agents, the dashboard agents, department
 * heads and administrators.
 */
@IntegrationTest
class AssistantPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aConversationPageIsNotFoundForAnyoneButItsOwner() throws Exception {
		String location = mvc.perform(post("/assistant").param("text", "身份证丢了怎么补办").with(csrf()).with(citizen("li.na")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/assistant/");
		String page = location.replaceFirst("#.*", "");

		mvc.perform(get(page).with(citizen("li.na"))).andExpect(status().isOk());
		mvc.perform(get(page).with(citizen("wang.fang"))).andExpect(status().isNotFound());
		mvc.perform(get(page)).andExpect(status().isNotFound());
		mvc.perform(get(page + "/updates").with(citizen("wang.fang"))).andExpect(status().isNotFound());
		mvc.perform(get(page + "/callback").with(citizen("wang.fang"))).andExpect(status().isNotFound());
		mvc.perform(post(page + "/messages").param("text", "人工").with(csrf()).with(citizen("wang.fang")))
			.andExpect(status().isNotFound());
		mvc.perform(get(page + "/events").with(citizen("wang.fang"))).andExpect(status().isNotFound());
		mvc.perform(post(page + "/person").with(csrf()).with(citizen("wang.fang"))).andExpect(status().isNotFound());
		mvc.perform(post(page + "/offer/accept").with(csrf()).with(citizen("wang.fang")))
			.andExpect(status().isNotFound());
		mvc.perform(post(page + "/rating").param("helpful", "true").with(csrf()).with(citizen("wang.fang")))
			.andExpect(status().isNotFound());
		// Posts still need the CSRF token.
		mvc.perform(post(page + "/messages").param("text", "人工").with(citizen("li.na")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCallbackFormLeadsBackToTheConversationWhenNoCallbackIsOffered() throws Exception {
		String page = mvc.perform(post("/assistant").param("text", "身份证丢了怎么补办").with(csrf()).with(citizen("zhao.lei")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replaceFirst("#.*", "");

		mvc.perform(get(page + "/callback").with(citizen("zhao.lei")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page + "#assistant-state"))
			.andExpect(flash().attribute(AssistantPageController.NOTICE, "assistant.page.callback.unavailable"));
		mvc.perform(post(page + "/callback").param("slot", "")
			.param("phone", "13800138000")
			.with(csrf())
			.with(citizen("zhao.lei")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page + "#assistant-state"));
	}

	@Test
	void aTextOfControlCharactersStartsNoConversation() throws Exception {
		mvc.perform(post("/assistant").param("text", "\u0001\u0002").with(csrf()).with(citizen("zhao.lei")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")));
	}

	@Test
	void theAssistantIsOpenToAnonymousVisitors() throws Exception {
		mvc.perform(get("/assistant")).andExpect(status().isOk());
	}

	@Test
	void theAgentConsoleIsForAgentsOnly() throws Exception {
		mvc.perform(get("/staff/agent")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/staff/agent").with(citizen("li.na"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/agent").with(staff("reviewer.civil", "CA", Role.REVIEWER)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/agent").with(staff("agent.hotline", "GS", Role.AGENT))).andExpect(status().isOk());
		mvc.perform(get("/staff/agent/conversations/" + java.util.UUID.randomUUID())
			.with(staff("agent.hotline", "GS", Role.AGENT))).andExpect(status().isNotFound());
		mvc.perform(get("/staff/agent/events").with(staff("reviewer.civil", "CA", Role.REVIEWER)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/agent/conversations/" + java.util.UUID.randomUUID() + "/events")
			.with(staff("reviewer.civil", "CA", Role.REVIEWER))).andExpect(status().isForbidden());
	}

	@Test
	void theDashboardIsForAgentsHeadsAndAdministrators() throws Exception {
		mvc.perform(get("/staff/agent/metrics").with(citizen("li.na"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/agent/metrics").with(staff("reviewer.civil", "CA", Role.REVIEWER)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/agent/metrics").with(staff("head.hotline", "GS", Role.DEPARTMENT_HEAD)))
			.andExpect(status().isOk());
		mvc.perform(get("/staff/agent/metrics").with(staff("agent.hotline", "GS", Role.AGENT)))
			.andExpect(status().isOk());
	}

	private static RequestPostProcessor citizen(String username) {
		return signedIn(new OneStopUser(username, username, false, null, null, Set.of()), "ROLE_CITIZEN");
	}

	private static RequestPostProcessor staff(String username, String department, Role role) {
		return signedIn(new OneStopUser(username, username, true, null, department, Set.of(role)), "ROLE_STAFF");
	}

	private static RequestPostProcessor signedIn(OneStopUser user, String base) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(base));
		user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
		return authentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
	}

}
