package org.onestop.notification;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A citizen's notification settings through the API and the page: defaults, changes, what
 * is refused (400, 422), and who may not reach them (staff to change, a representative
 * acting for the citizen, anyone else's).
 */
@IntegrationTest
class PreferencesIntegrationTests {

	private static final String API = "/api/v1/me/notification-preferences";

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	private MockHttpServletRequestBuilder as(Citizen citizen, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", citizen.authorization()).header("Accept-Language", "en");
	}

	private MockHttpServletRequestBuilder putJson(Citizen citizen, String json) {
		return as(citizen, put(API)).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void everyChoosableTopicIsOnUntilChosenOtherwise() throws Exception {
		Citizen citizen = accounts.register(residents.aged(40).create());
		mvc.perform(as(citizen, get(API)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("zh"))
			.andExpect(jsonPath("$.phone").value(startsWith(citizen.resident().phone().substring(0, 3) + "****")))
			.andExpect(jsonPath("$.phoneProved").value(true))
			.andExpect(jsonPath("$.email").doesNotExist())
			.andExpect(jsonPath("$.emailProved").value(false))
			.andExpect(jsonPath("$.topics", hasSize(8)))
			.andExpect(jsonPath("$.topics[?(@.topic == 'CODES')]").isEmpty())
			.andExpect(jsonPath("$.topics[?(@.topic == 'STAFF_WORK')]").isEmpty())
			.andExpect(jsonPath("$.topics[0].topic").value("DECISIONS"))
			.andExpect(jsonPath("$.topics[0].name").value("Requests for documents, decisions and deadlines"))
			.andExpect(jsonPath("$.topics[0].required").value(true))
			.andExpect(jsonPath("$.topics[1].required").value(false))
			.andExpect(
					jsonPath("$.topics[*].sms").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))))
			.andExpect(jsonPath("$.topics[*].email")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))));
	}

	@Test
	void aChangeIsKeptAndRepeatingItChangesNothingMore() throws Exception {
		Citizen citizen = accounts.register(residents.aged(41).create());
		String change = "{\"language\":\"en\",\"topics\":[{\"topic\":\"RATINGS\",\"sms\":false},"
				+ "{\"topic\":\"APPOINTMENTS\",\"sms\":false,\"email\":false}]}";
		for (int i = 0; i < 2; i++) {
			mvc.perform(putJson(citizen, change))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.language").value("en"))
				.andExpect(jsonPath("$.topics[?(@.topic == 'RATINGS')].sms").value(false))
				.andExpect(jsonPath("$.topics[?(@.topic == 'RATINGS')].email").value(true))
				.andExpect(jsonPath("$.topics[?(@.topic == 'APPOINTMENTS')].email").value(false));
		}
		// What a request leaves out stays as it was.
		mvc.perform(putJson(citizen, "{\"topics\":[{\"topic\":\"RATINGS\",\"email\":false}]}"))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.topics[?(@.topic == 'RATINGS')].sms").value(false))
			.andExpect(jsonPath("$.topics[?(@.topic == 'RATINGS')].email").value(false))
			.andExpect(jsonPath("$.topics[?(@.topic == 'APPOINTMENTS')].sms").value(false));
	}

	@Test
	void unknownTopicsChannelsAndLanguagesAreRefusedWithTheirFieldsNamed() throws Exception {
		Citizen citizen = accounts.register(residents.aged(42).create());
		mvc.perform(putJson(citizen,
				"{\"language\":\"fr\",\"topics\":[{\"topic\":\"LOTTERY\",\"sms\":false},"
						+ "{\"topic\":\"RATINGS\",\"inbox\":false},{\"topic\":\"CODES\",\"sms\":false},"
						+ "{\"topic\":\"MANDATES\",\"email\":\"no\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'language')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'topics[0].topic')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'topics[1].inbox')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'topics[2].topic')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'topics[3].email')]").isNotEmpty());
		mvc.perform(as(citizen, get(API))).andExpect(jsonPath("$.language").value("zh"));
	}

	@Test
	void decisionsCannotBeLeftWithNoWayToReachThePerson() throws Exception {
		Citizen citizen = accounts.register(residents.aged(43).create());
		// No proved e-mail: e-mail alone does not reach them.
		mvc.perform(putJson(citizen, "{\"topics\":[{\"topic\":\"DECISIONS\",\"sms\":false,\"email\":true}]}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("topics.DECISIONS"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("decisions")));
		mvc.perform(as(citizen, get(API))).andExpect(jsonPath("$.topics[0].sms").value(true));
		// Other topics may go down to the inbox alone.
		mvc.perform(putJson(citizen, "{\"topics\":[{\"topic\":\"COMPLAINTS\",\"sms\":false,\"email\":false}]}"))
			.andExpect(status().isOk());
	}

	@Test
	void eachCitizenChangesOnlyTheirOwn() throws Exception {
		Citizen one = accounts.register(residents.aged(44).create());
		Citizen other = accounts.register(residents.aged(45).create());
		mvc.perform(putJson(other, "{\"language\":\"en\",\"topics\":[{\"topic\":\"RATINGS\",\"sms\":false}]}"))
			.andExpect(status().isOk());
		mvc.perform(as(one, get(API)))
			.andExpect(jsonPath("$.language").value("zh"))
			.andExpect(jsonPath("$.topics[?(@.topic == 'RATINGS')].sms").value(true));
	}

	@Test
	void staffReadThatTheirMessagesStayInTheInboxAndCannotChangeAnything() throws Exception {
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.civil");
		mvc.perform(get(API).header("Authorization", clerk))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inboxOnly").value(true))
			.andExpect(jsonPath("$.topics", hasSize(0)));
		mvc.perform(put(API).header("Authorization", clerk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topics\":[{\"topic\":\"RATINGS\",\"sms\":false}]}")).andExpect(status().isForbidden());
	}

	@Test
	void aRepresentativeActingForSomeoneCannotReadOrChangeTheirSettings() throws Exception {
		Citizen grantor = accounts.register(residents.aged(78).create());
		Citizen representative = accounts.register(residents.aged(48).create());
		mvc.perform(post("/api/v1/me/mandates").header("Authorization", grantor.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"representativeIdNumber\":\"%s\",\"serviceCodes\":[],\"until\":\"%s\"}".formatted(
					representative.resident().idNumber().value(),
					LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3))))
			.andExpect(status().isCreated());
		String onBehalf = grantor.resident().idNumber().value();
		// The mandate works where it is meant to ...
		mvc.perform(as(representative, get("/api/v1/me")).header("On-Behalf-Of", onBehalf)).andExpect(status().isOk());
		// ... and not here.
		mvc.perform(as(representative, get(API)).header("On-Behalf-Of", onBehalf)).andExpect(status().isForbidden());
		mvc.perform(putJson(representative, "{\"topics\":[{\"topic\":\"RATINGS\",\"sms\":false}]}")
			.header("On-Behalf-Of", onBehalf)).andExpect(status().isForbidden());

		Cookie session = signIn(representative);
		mvc.perform(post("/account/acting").with(csrf()).cookie(session).param("idNumber", onBehalf));
		mvc.perform(get("/account/notifications").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(post("/account/notifications").with(csrf()).cookie(session)).andExpect(status().isForbidden());
		mvc.perform(post("/account/notifications/email").with(csrf()).cookie(session).param("email", "x@example.com"))
			.andExpect(status().isForbidden());
		mvc.perform(as(grantor, get(API))).andExpect(jsonPath("$.topics[?(@.topic == 'RATINGS')].sms").value(true));
	}

	@Test
	void thePageSavesTheTableAndSaysARefusalBesideTheTopic() throws Exception {
		Citizen citizen = accounts.register(residents.aged(46).create());
		Cookie session = signIn(citizen);
		mvc.perform(get("/account").cookie(session))
			.andExpect(content().string(containsString("href=\"/account/notifications\"")));
		mvc.perform(get("/account/notifications").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"DECISIONS.SMS\"")));
		// Only the decisions' e-mail box ticked: no proved address is left for them.
		mvc.perform(post("/account/notifications").with(csrf()).cookie(session).param("DECISIONS.EMAIL", "on"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"topic-error\"")))
			.andExpect(content().string(containsString("href=\"#DECISIONS.SMS\"")));
		mvc.perform(post("/account/notifications").with(csrf())
			.cookie(session)
			.param("language", "en")
			.param("DECISIONS.SMS", "on")
			.param("HALL_QUEUE.SMS", "on")).andExpect(status().is3xxRedirection());
		mvc.perform(as(citizen, get(API)))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.topics[0].email").value(false))
			.andExpect(jsonPath("$.topics[?(@.topic == 'HALL_QUEUE')].sms").value(true))
			.andExpect(jsonPath("$.topics[?(@.topic == 'APPOINTMENTS')].sms").value(false));
	}

	private Cookie signIn(Citizen citizen) throws Exception {
		return mvc
			.perform(post("/sign-in").with(csrf())
				.param("username", citizen.username())
				.param("password", citizen.password()))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
	}

}
