package org.onestop.identity;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may reach what, enforced on the server for API and pages alike. */
@IntegrationTest
class AccessRulesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aCitizenGets403OnStaffEndpoints() throws Exception {
		String citizen = "Bearer " + Tokens.of(mvc, "li.na");
		mvc.perform(get("/api/v1/registry/residents/110101199003071233").param("purpose", "curiosity")
			.header("Authorization", citizen))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("无权操作"));
		mvc.perform(get("/api/v1/admin/staff").header("Authorization", citizen)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", citizen)).andExpect(status().isForbidden());
	}

	@Test
	void staffWithoutTheRoleGet403() throws Exception {
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.ps");
		mvc.perform(get("/api/v1/admin/staff").header("Authorization", clerk)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", clerk)).andExpect(status().isForbidden());
		String auditor = "Bearer " + Tokens.of(mvc, "auditor");
		mvc.perform(get("/api/v1/registry/residents/110101199003071233").param("purpose", "x")
			.header("Authorization", auditor)).andExpect(status().isForbidden());
	}

	@Test
	void caseworkersReadTheRegistryOnlyWithAPurpose() throws Exception {
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.ps");
		mvc.perform(get("/api/v1/registry/residents/110101199003071233").header("Authorization", clerk)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		mvc.perform(get("/api/v1/registry/residents/110101199003071233").param("purpose", "counter enquiry")
			.header("Authorization", clerk))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("陈晓明"))
			.andExpect(jsonPath("$.idNumber").value("110101199003071233"));
		mvc.perform(get("/api/v1/registry/residents/11010519491231002X").param("purpose", "counter enquiry")
			.header("Authorization", clerk)).andExpect(status().isNotFound());
	}

	@Test
	void anonymousVisitorsAreSentToSignInFromProtectedPages() throws Exception {
		mvc.perform(get("/account")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/staff")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/staff")).andExpect(status().is3xxRedirection());
	}

	@Test
	void pagesAreGuardedByKindAndRole() throws Exception {
		var citizen = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("someone")
			.roles("CITIZEN");
		mvc.perform(get("/staff").with(citizen)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/staff").with(citizen)).andExpect(status().isForbidden());
		var clerk = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("clerk")
			.roles("STAFF", "CLERK");
		mvc.perform(get("/admin/staff").with(clerk)).andExpect(status().isForbidden());
		mvc.perform(get("/account").with(clerk)).andExpect(status().isForbidden());
	}

	@Test
	void healthIsOpenButMetricsAndActuatorDetailsAreNot() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		// metrics tell an attacker how busy the site is, and what runs it: an
		// administrator's token only
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + Tokens.of(mvc, "admin")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
		mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
	}

}
