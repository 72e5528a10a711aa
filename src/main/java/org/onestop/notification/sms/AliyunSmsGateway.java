package org.onestop.notification.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onestop.notification.SmsGateway;
import org.springframework.stereotype.Component;

/**
 * Aliyun SMS (Dysmsapi 2017-05-25): SendSms with the outbox row's id as {@code OutId},
 * and QuerySendDetails to find an earlier send by that id. Each call is a signed POST
 * (the phone number stays out of URLs and access logs). The bean always exists; the
 * dispatcher uses it when {@code onestop.notification.sms.provider=aliyun}.
 */
@Component
class AliyunSmsGateway implements SmsGateway {

	static final String NAME = "aliyun";

	private static final Logger log = LoggerFactory.getLogger(AliyunSmsGateway.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final AliyunProperties settings;

	private final Clock clock;

	private final HttpClient http;

	AliyunSmsGateway(AliyunProperties settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public String provider() {
		return NAME;
	}

	@Override
	public Result send(Sms sms) {
		if (!settings.configured()) {
			return new Result(Outcome.TECHNICAL_FAILURE, null, "Aliyun access key not configured");
		}
		if (sms.templateCode() == null || sms.templateCode().isBlank()) {
			return new Result(Outcome.TECHNICAL_FAILURE, null, "no approved Aliyun template code");
		}
		Map<String, String> call = new LinkedHashMap<>();
		call.put("Action", "SendSms");
		call.put("PhoneNumbers", sms.phone());
		call.put("SignName", sms.signature());
		call.put("TemplateCode", sms.templateCode());
		call.put("TemplateParam", json(sms.parameters() == null ? Map.of() : sms.parameters()));
		call.put("OutId", sms.idempotencyKey());
		Answer answer = call(call);
		Result result = answer.json() == null ? answer.failure() : AliyunAnswers.sent(answer.status(), answer.json());
		if (result.outcome() != Outcome.ACCEPTED) {
			log.warn("Aliyun did not take text {} to {}: {} {}", sms.idempotencyKey(), Phones.masked(sms.phone()),
					result.outcome(), result.detail());
		}
		return result;
	}

	@Override
	public Lookup find(String idempotencyKey, String phone, LocalDate sentOn) {
		if (!settings.configured()) {
			return Lookup.unknown("Aliyun access key not configured");
		}
		for (int page = 1; page <= AliyunDetails.MAX_PAGES; page++) {
			Map<String, String> call = new LinkedHashMap<>();
			call.put("Action", "QuerySendDetails");
			call.put("PhoneNumber", phone);
			call.put("SendDate", SEND_DATE.format(sentOn));
			call.put("PageSize", String.valueOf(AliyunDetails.PAGE_SIZE));
			call.put("CurrentPage", String.valueOf(page));
			Answer answer = call(call);
			if (answer.json() == null || !answer.json().path("Code").asText().equals("OK")) {
				String why = answer.json() == null ? answer.failure().detail()
						: AliyunAnswers.refused(answer.status(), answer.json()).detail();
				log.warn("Aliyun could not be asked about text {}: {}", idempotencyKey, why);
				return Lookup.unknown("Aliyun could not be asked: " + why);
			}
			Optional<Result> found = AliyunDetails.match(answer.json(), idempotencyKey);
			if (found.isPresent()) {
				return Lookup.found(found.get());
			}
			if (!AliyunDetails.hasMore(answer.json(), page)) {
				return Lookup.notFound();
			}
		}
		// More texts to one phone in a day than we would ever send: not a "no".
		return Lookup.unknown("Aliyun listed more texts than " + AliyunDetails.MAX_PAGES + " pages");
	}

	@Override
	public List<String> problems() {
		return settings.configured() ? List.of()
				: List.of("Aliyun access key missing (ONESTOP_SMS_ALIYUN_ACCESS_KEY_ID and _SECRET)");
	}

	/** One signed call; a transport failure comes back as a failed answer, not thrown. */
	private Answer call(Map<String, String> action) {
		Map<String, String> parameters = new TreeMap<>(action);
		parameters.put("AccessKeyId", settings.accessKeyId());
		parameters.put("Format", "JSON");
		parameters.put("RegionId", settings.region());
		parameters.put("SignatureMethod", "HMAC-SHA1");
		parameters.put("SignatureNonce", UUID.randomUUID().toString());
		parameters.put("SignatureVersion", "1.0");
		parameters.put("Timestamp",
				DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
		parameters.put("Version", "2017-05-25");
		parameters.put("Signature", PopSignature.sign("POST", parameters, settings.accessKeySecret()));
		String form = parameters.entrySet()
			.stream()
			.map(e -> PopSignature.percentEncode(e.getKey()) + "=" + PopSignature.percentEncode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(settings.endpoint().resolve("/"))
			.timeout(settings.readTimeout())
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return Answer.of(response.statusCode(), response.body());
		}
		catch (HttpTimeoutException ex) {
			return Answer.failed("timed out: " + ex.getMessage());
		}
		catch (IOException ex) {
			return Answer.failed("unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Answer.failed("interrupted");
		}
	}

	private static String json(Map<String, String> parameters) {
		try {
			return JSON.writeValueAsString(parameters);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP answer read as JSON, or why there is none.
	 *
	 * @param json null when the call failed or the body is not JSON
	 */
	private record Answer(int status, JsonNode json, Result failure) {

		static Answer of(int status, String body) {
			try {
				JsonNode json = JSON.readTree(body);
				if (json != null && json.isObject()) {
					return new Answer(status, json, null);
				}
			}
			catch (JsonProcessingException ex) {
				// not JSON: below
			}
			return new Answer(status, null, AliyunAnswers.unreadable(status));
		}

		/** Timeouts and refused connections pass; the dispatcher tries again. */
		static Answer failed(String why) {
			return new Answer(0, null, new Result(Outcome.TEMPORARY_FAILURE, null, why));
		}

	}

}
