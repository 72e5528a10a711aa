package org.onestop.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.notification.Courier.Outcome;
import org.onestop.notification.Courier.Parcel;
import org.onestop.notification.Courier.Result;
import org.onestop.platform.PlatformProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Texts through the configured gateway: a text whose dispatcher died is looked up before
 * it is sent again, and quiet hours put a text back rather than send it.
 */
class SmsCourierTests {

	static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

	final SmsRules rules = mock(SmsRules.class);

	final Templates templates = mock(Templates.class);

	final FakeGateway gateway = new FakeGateway();

	SmsCourier courier(String provider) {
		PlatformProperties platform = mock(PlatformProperties.class);
		when(platform.timeZone()).thenReturn(ZoneId.of("Asia/Shanghai"));
		when(templates.kind(any())).thenReturn(Optional.empty());
		when(rules.notBefore(any(), any())).thenAnswer(call -> call.getArgument(0));
		NotificationProperties properties = new NotificationProperties(
				new NotificationProperties.Sms(provider, "OneStop", 10, LocalTime.of(21, 0), LocalTime.of(8, 0)),
				new NotificationProperties.Mail(""), null);
		return new SmsCourier(List.of(gateway), properties, rules, templates, Clock.fixed(NOW, ZoneOffset.UTC),
				platform);
	}

	static Parcel parcel(boolean abandoned) {
		return parcel(2, abandoned, Instant.parse("2026-12-06T17:00:00Z"));
	}

	static Parcel parcel(int attempts, boolean abandoned, Instant previousAttemptAt) {
		return new Parcel(UUID.randomUUID(), "queue.called", Channel.SMS, "13800000000", Locale.CHINESE, null,
				"【OneStop】请到3号窗口", null, "SMS_1", Map.of("counter", "3"), false, attempts, abandoned,
				previousAttemptAt);
	}

	@Test
	void aTextTheProviderAlreadyHasIsAdoptedNotSentAgain() {
		gateway.found = SmsGateway.Lookup.found(new SmsGateway.Result(SmsGateway.Outcome.ACCEPTED, "biz-1", "OK"));
		Parcel parcel = parcel(true);
		Outcome outcome = courier("fake").deliver(parcel);
		assertThat(outcome).isEqualTo(Outcome.accepted("fake", "biz-1"));
		assertThat(gateway.sent).isEmpty();
		// Asked under the row's id, for the city's day of the earlier attempt (01:00 on
		// the 7th in Shanghai).
		assertThat(gateway.asked).containsExactly(parcel.id() + " 13800000000 2026-12-07");
	}

	@Test
	void aTextTheProviderNeverSawIsSentWithItsIdAsTheKey() {
		Parcel parcel = parcel(true);
		Outcome outcome = courier("fake").deliver(parcel);
		assertThat(outcome.result()).isEqualTo(Result.ACCEPTED);
		assertThat(gateway.sent).hasSize(1);
		assertThat(gateway.sent.get(0).idempotencyKey()).isEqualTo(parcel.id().toString());
		assertThat(gateway.sent.get(0).signature()).isEqualTo("OneStop");
		assertThat(gateway.sent.get(0).templateCode()).isEqualTo("SMS_1");

		courier("fake").deliver(parcel(1, false, null));
		assertThat(gateway.asked).as("a first attempt is not looked up").hasSize(1);
	}

	@Test
	void aRetryAfterATimeoutIsLookedUpBeforeItIsSentAgain() {
		// The row is TEMPORARY_FAILURE (not an abandoned claim): the earlier attempt
		// timed
		// out, and Aliyun took it after all.
		gateway.found = SmsGateway.Lookup.found(new SmsGateway.Result(SmsGateway.Outcome.DELIVERED, null, "DELIVERED"));
		Parcel retry = parcel(3, false, Instant.parse("2026-12-07T05:59:00Z"));
		assertThat(courier("fake").deliver(retry)).isEqualTo(Outcome.delivered("fake", null));
		assertThat(gateway.sent).isEmpty();
		assertThat(gateway.asked).containsExactly(retry.id() + " 13800000000 2026-12-07");
	}

	@Test
	void whenTheProviderCannotSayNothingIsSentAndTheRowWaits() {
		gateway.found = SmsGateway.Lookup.unknown("Aliyun could not be asked: timed out");
		Outcome outcome = courier("fake").deliver(parcel(2, false, Instant.parse("2026-12-07T05:59:00Z")));
		assertThat(outcome).isEqualTo(Outcome.failed(Result.TEMPORARY_FAILURE, "Aliyun could not be asked: timed out"));
		assertThat(gateway.sent).isEmpty();
	}

	@Test
	void nearMidnightBothCityDaysAreAsked() {
		// 00:10 on the 7th in Shanghai: the provider may have filed it on the 6th.
		Parcel afterMidnight = parcel(2, false, Instant.parse("2026-12-06T16:10:00Z"));
		courier("fake").deliver(afterMidnight);
		assertThat(gateway.asked).containsExactly(afterMidnight.id() + " 13800000000 2026-12-06",
				afterMidnight.id() + " 13800000000 2026-12-07");
		assertThat(gateway.sent).hasSize(1);

		// 23:50 on the 6th: it may be filed on the 7th; found there, it is not sent.
		gateway.asked.clear();
		Parcel beforeMidnight = parcel(2, false, Instant.parse("2026-12-06T15:50:00Z"));
		gateway.foundOn = "2026-12-07";
		gateway.found = SmsGateway.Lookup.found(new SmsGateway.Result(SmsGateway.Outcome.ACCEPTED, null, "waiting"));
		assertThat(courier("fake").deliver(beforeMidnight).result()).isEqualTo(Result.ACCEPTED);
		assertThat(gateway.asked).containsExactly(beforeMidnight.id() + " 13800000000 2026-12-06",
				beforeMidnight.id() + " 13800000000 2026-12-07");
		assertThat(gateway.sent).hasSize(1);
	}

	@Test
	void inQuietHoursATextIsPutBackUntilMorning() {
		SmsCourier courier = courier("fake");
		Instant morning = NOW.plusSeconds(3600);
		when(rules.notBefore(any(), any())).thenReturn(morning);
		assertThat(courier.deliver(parcel(false))).isEqualTo(Outcome.postponed(morning));
		assertThat(gateway.sent).isEmpty();
	}

	@Test
	void theGatewayMustBeTheOneNamed() {
		assertThat(courier("fake").configured()).isTrue();
		assertThat(courier("aliyun").configured()).isFalse();
		assertThat(courier("").configured()).isFalse();
	}

	@Test
	void theProvidersAnswersBecomeOutcomes() {
		gateway.answer = new SmsGateway.Result(SmsGateway.Outcome.PERMANENT_FAILURE, null, "isv.MOBILE_NUMBER_ILLEGAL");
		assertThat(courier("fake").deliver(parcel(false)))
			.isEqualTo(Outcome.failed(Result.PERMANENT_FAILURE, "isv.MOBILE_NUMBER_ILLEGAL"));
		gateway.answer = new SmsGateway.Result(SmsGateway.Outcome.TEMPORARY_FAILURE, null, "throttled");
		assertThat(courier("fake").deliver(parcel(false)).result()).isEqualTo(Result.TEMPORARY_FAILURE);
	}

	static class FakeGateway implements SmsGateway {

		final List<Sms> sent = new ArrayList<>();

		final List<String> asked = new ArrayList<>();

		Lookup found = Lookup.notFound();

		/** Answers by idempotency key, before {@link #found}. */
		final Map<String, Lookup> answers = new java.util.HashMap<>();

		/** The only day the text is filed on, or null for any. */
		String foundOn;

		Result answer = new Result(Outcome.ACCEPTED, "biz-new", "OK");

		@Override
		public String provider() {
			return "fake";
		}

		@Override
		public Result send(Sms sms) {
			sent.add(sms);
			return answer;
		}

		@Override
		public Lookup find(String idempotencyKey, String phone, LocalDate sentOn) {
			asked.add(idempotencyKey + " " + phone + " " + sentOn);
			if (answers.containsKey(idempotencyKey)) {
				return answers.get(idempotencyKey);
			}
			return foundOn == null || foundOn.equals(sentOn.toString()) ? found : Lookup.notFound();
		}

	}

}
