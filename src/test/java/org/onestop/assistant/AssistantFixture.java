package org.onestop.assistant;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;

import org.onestop.platform.Tokens;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Starts conversations as a citizen or an anonymous browser, and says things in them,
 * through the API.
 */
record AssistantFixture(MockMvc mvc, JdbcClient db) {

	/**
	 * Who calls: a bearer token, an anonymous browser's session cookie, an API client's
	 * conversation token (or none).
	 */
	record Caller(String token, Cookie session, String conversationToken, String address) {

		Caller(String token, Cookie session) {
			this(token, session, null, null);
		}

		Caller(String token, Cookie session, String conversationToken) {
			this(token, session, conversationToken, null);
		}

		/**
		 * The same caller from another client address (each address may keep only a few
		 * conversations waiting).
		 */
		Caller from(String address) {
			return new Caller(token, session, conversationToken, address);
		}

		MockHttpServletRequestBuilder on(MockHttpServletRequestBuilder request) {
			if (token != null) {
				request.header("Authorization", token);
			}
			if (session != null) {
				request.cookie(session);
			}
			if (conversationToken != null) {
				request.header("X-Conversation-Token", conversationToken);
			}
			if (address != null) {
				request.with(r -> {
					r.setRemoteAddr(address);
					return r;
				});
			}
			return request;
		}
	}

	/**
	 * Empties the assistant's tables: the queue is shared, so each test starts from
	 * nobody waiting.
	 */
	void clean() {
		for (String table : List.of("assistant_quota", "assistant_callback", "assistant_message", "assistant_matter",
				"assistant_conversation", "assistant_agent", "assistant_queue_version")) {
			db.sql("DELETE FROM " + table).update();
		}
	}

	Caller citizen(String username) throws Exception {
		return new Caller("Bearer " + Tokens.of(mvc, username), null);
	}

	Caller staff(String username) throws Exception {
		return citizen(username);
	}

	static final Caller NOBODY = new Caller(null, null);

	/**
	 * Starts a conversation; an anonymous caller gets the conversation's token back in
	 * the answer's caller.
	 */
	Started start(Caller caller) throws Exception {
		MvcResult result = mvc.perform(caller.on(post("/api/v1/assistant/conversations"))).andReturn();
		if (result.getResponse().getStatus() != 201) {
			throw new AssertionError(
					"start: " + result.getResponse().getStatus() + " " + result.getResponse().getContentAsString());
		}
		Caller owner = caller.token() == null && caller.session() == null ? new Caller(null, null,
				JsonPath.read(result.getResponse().getContentAsString(), "$.token"), caller.address()) : caller;
		return new Started(JsonPath.read(result.getResponse().getContentAsString(), "$.id"), owner);
	}

	record Started(String id, Caller owner) {
	}

	String say(Caller caller, String id, String text) throws Exception {
		MvcResult result = mvc
			.perform(caller.on(post("/api/v1/assistant/conversations/" + id + "/messages"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("text", text)))
			.andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new AssertionError(
					"say: " + result.getResponse().getStatus() + " " + result.getResponse().getContentAsString());
		}
		return result.getResponse().getContentAsString();
	}

	String transcript(Caller caller, String id) throws Exception {
		return mvc.perform(caller.on(get("/api/v1/assistant/conversations/" + id)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	void onDuty(String agent, boolean onDuty) throws Exception {
		MvcResult result = mvc
			.perform(staff(agent).on(post("/api/v1/agent/availability"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"onDuty\":" + onDuty + "}"))
			.andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new AssertionError("availability: " + result.getResponse().getStatus());
		}
	}

	/** Asks for a person in a new conversation, so that it waits in the queue. */
	Started queued(Caller caller) throws Exception {
		Started c = start(caller);
		String reply = say(c.owner(), c.id(), "人工");
		if (!"QUEUED".equals(state(reply))) {
			throw new AssertionError("not queued: " + reply);
		}
		return c;
	}

	static String state(String reply) {
		return JsonPath.read(reply, "$.handoff.state");
	}

	static String json(String field, String value) {
		return "{\"" + field + "\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
	}
}
