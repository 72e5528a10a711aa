package org.onestop.assistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous API client on plain HTTP with no cookie store (a kiosk on the hall's LAN):
 * the session cookie is {@code Secure} and would never come back, so the conversation
 * token from the create response is all it holds.
 */
@IntegrationTest
class ConversationTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	// No cookie handler: whatever the server sets is forgotten, as by a client on plain
	// HTTP.
	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		new AssistantFixture(mvc, db).clean();
	}

	@Test
	void aClientWithoutCookiesTalksWithItsConversationToken() throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/assistant/conversations", null, null);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Set-Cookie")).as("the API door makes no session").isEmpty();
		String id = JsonPath.read(created.body(), "$.id");
		String token = JsonPath.read(created.body(), "$.token");
		assertThat(token).hasSize(43);
		assertThat(
				db.sql("SELECT id::text FROM assistant_conversation WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
					.param("t", token)
					.query(String.class)
					.single())
			.as("only the hash is stored")
			.isEqualTo(id);

		String conversation = "/api/v1/assistant/conversations/" + id;
		HttpResponse<String> reply = send("POST", conversation + "/messages", token, "{\"text\":\"身份证丢了怎么补办\"}");
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(reply.body(), "$.matters[*].code")).isNotEmpty();
		assertThat(send("GET", conversation, token, null).statusCode()).isEqualTo(200);
		assertThat(send("POST", conversation + "/person", token, null).statusCode()).isEqualTo(200);
		assertThat(send("POST", conversation + "/rating", token, "{\"helpful\":true}").statusCode()).isEqualTo(204);

		// Without the token, with a made-up one, or with another conversation's: as if it
		// did not exist.
		assertThat(send("POST", conversation + "/messages", null, "{\"text\":\"你好\"}").statusCode()).isEqualTo(404);
		assertThat(send("POST", conversation + "/messages", OwnerKeys.newToken(), "{\"text\":\"你好\"}").statusCode())
			.isEqualTo(404);
		String other = JsonPath.read(send("POST", "/api/v1/assistant/conversations", null, null).body(), "$.token");
		HttpResponse<String> foreign = send("POST", conversation + "/messages", other, "{\"text\":\"你好\"}");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(send("GET", conversation, other, null).statusCode()).isEqualTo(404);
	}

	@Test
	void presentingAnEarlierTokenKeepsTheSameDevice() throws Exception {
		String first = JsonPath.read(send("POST", "/api/v1/assistant/conversations", null, null).body(), "$.token");
		HttpResponse<String> again = send("POST", "/api/v1/assistant/conversations", first, null);
		assertThat(again.statusCode()).isEqualTo(201);
		String second = JsonPath.read(again.body(), "$.token");
		String fresh = JsonPath.read(send("POST", "/api/v1/assistant/conversations", null, null).body(), "$.token");
		assertThat(device(second)).isEqualTo(device(first)).isNotEqualTo(device(fresh));
		// The earlier token opens only its own conversation, not the next one of the same
		// device.
		String secondId = JsonPath.read(again.body(), "$.id");
		assertThat(send("GET", "/api/v1/assistant/conversations/" + secondId, first, null).statusCode()).isEqualTo(404);
	}

	@Test
	void theTokenOpensTheConversationOnlyThroughTheApi() throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/assistant/conversations", null, null);
		String id = JsonPath.read(created.body(), "$.id");
		String token = JsonPath.read(created.body(), "$.token");
		assertThat(send("GET", "/api/v1/assistant/conversations/" + id, token, null).statusCode()).isEqualTo(200);
		// The pages know their owner by the browser session's key alone.
		assertThat(send("GET", "/assistant/" + id, token, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/assistant/" + id + "/updates", token, null).statusCode()).isEqualTo(404);
	}

	private String device(String token) {
		return db.sql("SELECT owner_key FROM assistant_conversation WHERE token_hash = :h")
			.param("h", OwnerKeys.hash(token))
			.query(String.class)
			.single();
	}

	private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header(OwnerKeys.TOKEN_HEADER, token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
