package org.onestop.notification.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.onestop.notification.SmsGateway.Known;
import org.onestop.notification.SmsGateway.Lookup;
import org.onestop.notification.SmsGateway.Outcome;
import org.onestop.notification.SmsGateway.Result;
import org.onestop.notification.SmsGateway.Sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Aliyun gateway against a stub of Dysmsapi that, like Aliyun, answers only calls
 * whose signature it can recompute with the secret, and otherwise SignatureDoesNotMatch.
 */
class AliyunSmsGatewayTests {

	private static final String SECRET = "stub-secret";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	private static final Sms TEXT = new Sms("7d3c3c5e-5f6a-4f0e-9a49-6f1c2a0b9d11", "13812345678", "一网通办", "SMS_123456",
			Map.of("code", "4821"), "您的验证码是4821");

	private WireMockServer aliyun;

	private AliyunSmsGateway gateway;

	@BeforeEach
	void start() {
		aliyun = new WireMockServer(options().dynamicPort());
		aliyun.start();
		aliyun.stubFor(any(anyUrl()).atPriority(10)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched\"}")));
		gateway = gateway(Duration.ofSeconds(5), aliyun.baseUrl());
	}

	@AfterEach
	void stop() {
		aliyun.stop();
	}

	private static AliyunSmsGateway gateway(Duration readTimeout, String endpoint) {
		return new AliyunSmsGateway(new AliyunProperties(URI.create(endpoint), "stub-id", SECRET, "cn-hangzhou",
				Duration.ofSeconds(2), readTimeout), CLOCK);
	}

	/** Only a correctly signed SendSms matches: the stub recomputes the signature. */
	private void answerSend(int status, String body) {
		aliyun.stubFor(post(urlEqualTo("/")).atPriority(1)
			.andMatching(AliyunSmsGatewayTests::signed)
			.withRequestBody(containing("Action=SendSms"))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return form;
	}

	private static MatchResult signed(Request request) {
		Map<String, String> form = form(request.getBodyAsString());
		String signature = form.get("Signature");
		return MatchResult.of(signature != null && signature.equals(PopSignature.sign("POST", form, SECRET)));
	}

	@Test
	void aTextAcceptedByAliyunComesBackWithItsBizId() {
		answerSend(200,
				"{\"Message\":\"OK\",\"RequestId\":\"F655A8D5\",\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}");

		Result result = gateway.send(TEXT);

		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(result.providerRef()).isEqualTo("900619746936498440^0");
		Map<String, String> sent = form(aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
		assertThat(sent).containsEntry("Action", "SendSms")
			.containsEntry("Version", "2017-05-25")
			.containsEntry("Format", "JSON")
			.containsEntry("SignatureMethod", "HMAC-SHA1")
			.containsEntry("SignatureVersion", "1.0")
			.containsEntry("AccessKeyId", "stub-id")
			.containsEntry("RegionId", "cn-hangzhou")
			.containsEntry("Timestamp", "2026-12-07T02:00:00Z")
			.containsEntry("PhoneNumbers", "13812345678")
			.containsEntry("SignName", "一网通办")
			.containsEntry("TemplateCode", "SMS_123456")
			.containsEntry("TemplateParam", "{\"code\":\"4821\"}")
			.containsEntry("OutId", TEXT.idempotencyKey())
			.containsKey("SignatureNonce")
			.doesNotContainKey("AccessKeySecret");
		assertThat(aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString()).doesNotContain(SECRET);
	}

	@Test
	void aWrongSecretIsRefusedByTheStubAsAliyunWouldAndIsOurFault() {
		answerSend(200, "{\"Code\":\"OK\",\"BizId\":\"1\"}");
		AliyunSmsGateway wrong = new AliyunSmsGateway(new AliyunProperties(URI.create(aliyun.baseUrl()), "stub-id",
				"not-the-secret", "cn-hangzhou", Duration.ofSeconds(2), Duration.ofSeconds(5)), CLOCK);

		Result result = wrong.send(TEXT);

		assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
		assertThat(result.detail()).startsWith("SignatureDoesNotMatch");
	}

	@ParameterizedTest(name = "{0} (HTTP {1}) -> {2}")
	@CsvSource(textBlock = """
			isv.MOBILE_NUMBER_ILLEGAL,        200, PERMANENT_FAILURE
			isv.BLACK_KEY_CONTROL_LIMIT,      200, PERMANENT_FAILURE
			isv.BUSINESS_LIMIT_CONTROL,       200, TEMPORARY_FAILURE
			Throttling.User,                  400, TEMPORARY_FAILURE
			isp.SYSTEM_ERROR,                 200, TEMPORARY_FAILURE
			ServiceUnavailable,               503, TEMPORARY_FAILURE
			isv.SMS_SIGNATURE_ILLEGAL,        200, TECHNICAL_FAILURE
			isv.SMS_TEMPLATE_ILLEGAL,         200, TECHNICAL_FAILURE
			isv.AMOUNT_NOT_ENOUGH,            200, TECHNICAL_FAILURE
			InvalidAccessKeyId.NotFound,      404, TECHNICAL_FAILURE
			isv.SOMETHING_NEW,                200, TECHNICAL_FAILURE
			""")
	void eachRefusalFallsIntoItsFamily(String code, int status, Outcome expected) {
		answerSend(status, "{\"Code\":\"" + code + "\",\"Message\":\"refused for 13812345678\",\"RequestId\":\"R\"}");

		Result result = gateway.send(TEXT);

		assertThat(result.outcome()).isEqualTo(expected);
		assertThat(result.providerRef()).isNull();
		assertThat(result.detail()).startsWith(code + ": ").contains("138****5678").doesNotContain("13812345678");
	}

	@Test
	void aServerErrorPageIsTemporary() {
		answerSend(500, "<html>502 Bad Gateway</html>");

		assertThat(gateway.send(TEXT)).extracting(Result::outcome, Result::detail)
			.containsExactly(Outcome.TEMPORARY_FAILURE, "unreadable answer (HTTP 500)");
	}

	@Test
	void malformedJsonIsTemporary() {
		answerSend(200, "{\"Code\":\"OK\",\"BizId\":");

		assertThat(gateway.send(TEXT).outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
	}

	@Test
	void aSlowAnswerTimesOutAsTemporary() {
		aliyun.stubFor(post(urlEqualTo("/")).atPriority(1)
			.willReturn(okJson("{\"Code\":\"OK\",\"BizId\":\"1\"}").withFixedDelay(2_000)));
		AliyunSmsGateway impatient = gateway(Duration.ofMillis(300), aliyun.baseUrl());

		long started = System.nanoTime();
		Result result = impatient.send(TEXT);

		assertThat(result.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
		assertThat(result.detail()).startsWith("timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
	}

	@Test
	void aRefusedConnectionIsTemporary() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}

		Result result = gateway(Duration.ofSeconds(1), "http://127.0.0.1:" + closed).send(TEXT);

		assertThat(result.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
		assertThat(result.detail()).startsWith("unreachable");
	}

	@Test
	void withoutATemplateCodeOrKeyNothingIsSent() {
		Sms free = new Sms(TEXT.idempotencyKey(), TEXT.phone(), TEXT.signature(), null, Map.of(), TEXT.text());
		assertThat(gateway.send(free).outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
		AliyunSmsGateway unconfigured = new AliyunSmsGateway(new AliyunProperties(URI.create(aliyun.baseUrl()), "", "",
				"cn-hangzhou", Duration.ofSeconds(2), Duration.ofSeconds(5)), CLOCK);
		assertThat(unconfigured.send(TEXT).outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
		assertThat(aliyun.getAllServeEvents()).isEmpty();
	}

	@Test
	void findMatchesTheOutIdAmongTheDaysTexts() {
		aliyun.stubFor(post(urlEqualTo("/")).atPriority(1)
			.andMatching(AliyunSmsGatewayTests::signed)
			.withRequestBody(containing("Action=QuerySendDetails"))
			.willReturn(okJson(details(3, "DELIVERED", "other-out-id", TEXT.idempotencyKey()))));

		Lookup found = gateway.find(TEXT.idempotencyKey(), TEXT.phone(), LocalDate.of(2026, 12, 7));

		assertThat(found.known()).isEqualTo(Known.FOUND);
		assertThat(found.result().outcome()).isEqualTo(Outcome.DELIVERED);
		Map<String, String> asked = form(aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
		assertThat(asked).containsEntry("PhoneNumber", "13812345678")
			.containsEntry("SendDate", "20261207")
			.containsEntry("PageSize", "50")
			.containsEntry("CurrentPage", "1");
		assertThat(gateway.find("never-sent", TEXT.phone(), LocalDate.of(2026, 12, 7))).isEqualTo(Lookup.notFound());
	}

	@Test
	void findReadsAWaitingOrFailedText() {
		aliyun.stubFor(post(urlEqualTo("/")).atPriority(1)
			.andMatching(AliyunSmsGatewayTests::signed)
			.withRequestBody(containing("Action=QuerySendDetails"))
			.willReturn(okJson(details(2, "MK:0001", TEXT.idempotencyKey()))));

		assertThat(gateway.find(TEXT.idempotencyKey(), TEXT.phone(), LocalDate.of(2026, 12, 7)).result())
			.extracting(Result::outcome, Result::detail)
			.containsExactly(Outcome.PERMANENT_FAILURE, "MK:0001");
	}

	@Test
	void findIsUnknownNotEmptyWhenAliyunCannotBeAsked() {
		aliyun.stubFor(post(urlEqualTo("/")).atPriority(1).willReturn(aResponse().withStatus(503)));
		assertThat(gateway.find(TEXT.idempotencyKey(), TEXT.phone(), LocalDate.of(2026, 12, 7)))
			.extracting(Lookup::known, l -> l.result().outcome())
			.containsExactly(Known.UNKNOWN, Outcome.TEMPORARY_FAILURE);

		aliyun.resetMappings();
		aliyun.stubFor(post(urlEqualTo("/")).willReturn(okJson("{\"Code\":\"OK\"}").withFixedDelay(2_000)));
		assertThat(gateway(Duration.ofMillis(300), aliyun.baseUrl())
			.find(TEXT.idempotencyKey(), TEXT.phone(), LocalDate.of(2026, 12, 7))
			.known()).as("timed out").isEqualTo(Known.UNKNOWN);

		aliyun.resetMappings();
		aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"limited\"}")));
		assertThat(gateway.find(TEXT.idempotencyKey(), TEXT.phone(), LocalDate.of(2026, 12, 7)).known()).as("refused")
			.isEqualTo(Known.UNKNOWN);
	}

	@Test
	void withoutKeysFindIsUnknownAndTheKeysAreNamedAsMissing() {
		AliyunSmsGateway unconfigured = new AliyunSmsGateway(new AliyunProperties(URI.create(aliyun.baseUrl()), "", "",
				"cn-hangzhou", Duration.ofSeconds(2), Duration.ofSeconds(5)), CLOCK);
		assertThat(unconfigured.find(TEXT.idempotencyKey(), TEXT.phone(), LocalDate.of(2026, 12, 7)).known())
			.isEqualTo(Known.UNKNOWN);
		assertThat(unconfigured.problems()).singleElement().asString().contains("Aliyun access key missing");
		assertThat(gateway.problems()).isEmpty();
		assertThat(aliyun.getAllServeEvents()).isEmpty();
	}

	/**
	 * A QuerySendDetails answer listing texts with these OutIds, the last with this
	 * status.
	 */
	private static String details(int lastStatus, String lastCode, String... outIds) {
		List<String> texts = new java.util.ArrayList<>();
		for (int i = 0; i < outIds.length; i++) {
			boolean last = i == outIds.length - 1;
			texts.add("""
					{"SendDate":"2026-12-07 10:00:00","OutId":"%s","SendStatus":%d,"ReceiveDate":"2026-12-07 10:00:03",
					 "ErrCode":"%s","TemplateCode":"SMS_123456","Content":"...","PhoneNum":"13812345678"}"""
				.formatted(outIds[i], last ? lastStatus : 3, last ? lastCode : "DELIVERED"));
		}
		return """
				{"TotalCount":%d,"Message":"OK","RequestId":"R","Code":"OK","SmsSendDetailDTOs":{"SmsSendDetailDTO":[%s]}}"""
			.formatted(outIds.length, String.join(",", texts));
	}

}
