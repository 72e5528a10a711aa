package org.onestop.notification.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Aliyun's receipt pushes through the endpoint, settling outbox rows written here as the
 * dispatcher leaves them after a send. The test profile sets the token.
 */
@IntegrationTest
class ReceiptsIntegrationTests {

	private static final String TOKEN = "test-receipt-token";

	private static final String PATH = "/api/v1/notifications/receipts/aliyun";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	private UUID row(String status, String bizId, boolean sensitive) {
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO notification_outbox (id, template, channel, address, language, body, parameters, sensitive,
				    status, attempts, provider, provider_ref, next_attempt_at, created_at, updated_at)
				VALUES (:id, 'identity.code', 'SMS', '13812345678', 'zh', '您的验证码是4821', CAST(:p AS jsonb), :sensitive,
				    :status, 1, 'aliyun', :ref, CASE WHEN :status = 'TEMPORARY_FAILURE' THEN CAST(:now AS timestamptz) END, :now, :now)""")
			.param("id", id)
			.param("p", "{\"code\":\"4821\"}")
			.param("sensitive", sensitive)
			.param("status", status)
			.param("ref", bizId)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	private Map<String, Object> stored(UUID id) {
		return db
			.sql("SELECT status, failure, body, parameters::text AS parameters, delivered_at, updated_at "
					+ "FROM notification_outbox WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	private static String report(Object outId, String bizId, boolean success, String code, String message) {
		return """
				{"phone_number":"13812345678","send_time":"2026-12-07 10:00:00","report_time":"2026-12-07 10:00:05",
				 "success":%s,"err_code":"%s","err_msg":"%s","sms_size":"1","biz_id":"%s","out_id":%s}"""
			.formatted(success, code, message, bizId, outId == null ? "null" : "\"" + outId + "\"");
	}

	private ResultActions push(String... reports) throws Exception {
		return mvc.perform(post(PATH).param("token", TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + String.join(",", reports) + "]"));
	}

	private static String biz() {
		return UUID.randomUUID().toString().substring(0, 18) + "^0";
	}

	@Test
	void aDeliveryReceiptSettlesTheRowAndAnswersAsAliyunExpects() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, false);

		push(report(id, bizId, true, "DELIVERED", "用户接收成功")).andExpect(status().isOk())
			.andExpect(content().json("{\"code\":0,\"msg\":\"成功\"}", true));

		Map<String, Object> row = stored(id);
		assertThat(row.get("status")).isEqualTo("DELIVERED");
		assertThat(row.get("delivered_at")).isNotNull();
		assertThat(row.get("failure")).isNull();
		assertThat(row.get("body")).isEqualTo("您的验证码是4821");
	}

	@Test
	void aFailureReceiptSettlesTheRowForGoodWithTheCarriersWords() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, false);

		push(report(id, bizId, false, "MK:0001", "号码13812345678停机")).andExpect(status().isOk());

		Map<String, Object> row = stored(id);
		assertThat(row.get("status")).isEqualTo("PERMANENT_FAILURE");
		assertThat(row.get("failure")).isEqualTo("MK:0001 号码138****5678停机");
		assertThat(row.get("delivered_at")).isNull();
	}

	@Test
	void aRepeatedReceiptChangesNothing() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, false);
		push(report(id, bizId, true, "DELIVERED", "ok")).andExpect(status().isOk());
		Map<String, Object> first = stored(id);

		push(report(id, bizId, true, "DELIVERED", "ok")).andExpect(status().isOk());

		assertThat(stored(id)).isEqualTo(first);
	}

	@Test
	void aLateFailureAfterDeliveryIsIgnored() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, false);
		push(report(id, bizId, true, "DELIVERED", "ok")).andExpect(status().isOk());

		push(report(id, bizId, false, "MK:0001", "late")).andExpect(status().isOk());

		assertThat(stored(id).get("status")).isEqualTo("DELIVERED");
		assertThat(stored(id).get("failure")).isNull();
	}

	@Test
	void anUnknownRowIsIgnoredWithoutFailingTheRestOfTheBatch() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, false);

		push(report(UUID.randomUUID(), biz(), true, "DELIVERED", "ok"), report("not-a-uuid", null, true, "x", "y"),
				report(id, bizId, true, "DELIVERED", "ok"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(0));

		assertThat(stored(id).get("status")).isEqualTo("DELIVERED");
	}

	@Test
	void aReceiptWithoutOutIdIsMatchedByBizIdAndTheHeaderTokenWorksToo() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, false);

		mvc.perform(post(PATH).header(ReceiptsApiController.TOKEN_HEADER, TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + report(null, bizId, true, "DELIVERED", "ok") + "]")).andExpect(status().isOk());

		assertThat(stored(id).get("status")).isEqualTo("DELIVERED");
	}

	@Test
	void aTextWhoseAnswerWasLostIsSettledByItsReceiptSoItIsNotSentAgain() throws Exception {
		UUID id = row("TEMPORARY_FAILURE", null, false);

		push(report(id, biz(), true, "DELIVERED", "ok")).andExpect(status().isOk());

		assertThat(stored(id).get("status")).isEqualTo("DELIVERED");
	}

	@Test
	void aFailureOfAnEarlierAttemptDoesNotSettleTheLatest() throws Exception {
		UUID id = row("SENDING", biz(), false);

		push(report(id, biz(), false, "MK:0001", "earlier attempt")).andExpect(status().isOk());

		assertThat(stored(id).get("status")).isEqualTo("SENDING");
	}

	@Test
	void aOneTimeCodeIsBlankedWhenItSettles() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, true);

		push(report(id, bizId, true, "DELIVERED", "ok")).andExpect(status().isOk());

		Map<String, Object> row = stored(id);
		assertThat(row.get("status")).isEqualTo("DELIVERED");
		assertThat(row.get("body")).isEqualTo("");
		assertThat(row.get("parameters")).isNull();
	}

	@Test
	void callersWithoutTheTokenAreRefusedAndChangeNothing() throws Exception {
		String bizId = biz();
		UUID id = row("SENDING", bizId, false);
		String body = "[" + report(id, bizId, false, "MK:0001", "forged") + "]";

		mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(post(PATH).param("token", "wrong").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post(PATH).header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());

		assertThat(stored(id).get("status")).isEqualTo("SENDING");
	}

	@Test
	void anotherProviderIsNotFound() throws Exception {
		mvc.perform(post("/api/v1/notifications/receipts/tencent").param("token", TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[]")).andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void anUnreadableOrOversizedBatchIsABadRequest() throws Exception {
		for (String body : new String[] { "[{\"out_id\":", "{}", "[1]", "" }) {
			mvc.perform(post(PATH).param("token", TOKEN).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.status").value(400));
		}
		String many = "[" + String.join(",", java.util.Collections.nCopies(AliyunReports.MAX_REPORTS + 1, "{}")) + "]";
		mvc.perform(post(PATH).param("token", TOKEN).contentType(MediaType.APPLICATION_JSON).content(many))
			.andExpect(status().isBadRequest());
		mvc.perform(post(PATH).param("token", TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + "x".repeat(70_000) + "]")).andExpect(status().isBadRequest());
	}

}
