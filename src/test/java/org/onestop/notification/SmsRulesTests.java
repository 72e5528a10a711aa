package org.onestop.notification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours at their edges, by the city's clock (Asia/Shanghai keeps no summer time).
 */
class SmsRulesTests {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private final SmsRules rules = new SmsRules(
			new NotificationProperties.Sms("", "OneStop", 10, LocalTime.of(21, 0), LocalTime.of(8, 0)), CITY, null);

	private static final Kind REMINDER = new Kind("appointment.reminder", List.of(), Topic.APPOINTMENTS, false);

	private static final Kind THREE_AWAY = new Kind("queue.three-away", List.of(), Topic.HALL_QUEUE, true);

	private static Instant at(String cityTime) {
		return LocalDateTime.parse(cityTime).atZone(CITY).toInstant();
	}

	@Test
	void beforeQuietHoursATextGoesAtOnce() {
		assertThat(rules.notBefore(at("2026-12-07T20:59:59"), REMINDER)).isEqualTo(at("2026-12-07T20:59:59"));
		assertThat(rules.notBefore(at("2026-12-07T08:00:00"), REMINDER)).isEqualTo(at("2026-12-07T08:00:00"));
		assertThat(rules.notBefore(at("2026-12-07T12:00:00"), REMINDER)).isEqualTo(at("2026-12-07T12:00:00"));
	}

	@Test
	void fromNineInTheEveningATextWaitsForEightTheNextMorning() {
		assertThat(rules.notBefore(at("2026-12-07T21:00:00"), REMINDER)).isEqualTo(at("2026-12-08T08:00:00"));
		assertThat(rules.notBefore(at("2026-12-07T23:59:59"), REMINDER)).isEqualTo(at("2026-12-08T08:00:00"));
	}

	@Test
	void afterMidnightATextWaitsForEightTheSameMorning() {
		assertThat(rules.notBefore(at("2026-12-08T00:00:00"), REMINDER)).isEqualTo(at("2026-12-08T08:00:00"));
		assertThat(rules.notBefore(at("2026-12-08T07:59:59"), REMINDER)).isEqualTo(at("2026-12-08T08:00:00"));
	}

	@Test
	void theYearsEndIsCrossedLikeAnyMidnight() {
		assertThat(rules.notBefore(at("2026-12-31T22:30:00"), REMINDER)).isEqualTo(at("2027-01-01T08:00:00"));
	}

	@Test
	void exemptKindsGoOutInQuietHours() {
		assertThat(rules.notBefore(at("2026-12-07T21:00:00"), THREE_AWAY)).isEqualTo(at("2026-12-07T21:00:00"));
		assertThat(rules.notBefore(at("2026-12-08T03:00:00"), THREE_AWAY)).isEqualTo(at("2026-12-08T03:00:00"));
	}

	@Test
	void quietHoursWithinOneDayAreSupportedToo() {
		SmsRules lunch = new SmsRules(
				new NotificationProperties.Sms("", "OneStop", 10, LocalTime.of(12, 0), LocalTime.of(13, 30)), CITY,
				null);
		assertThat(lunch.quiet(at("2026-12-07T11:59:59"))).isFalse();
		assertThat(lunch.quiet(at("2026-12-07T12:00:00"))).isTrue();
		assertThat(lunch.notBefore(at("2026-12-07T12:10:00"), REMINDER)).isEqualTo(at("2026-12-07T13:30:00"));
		assertThat(lunch.quiet(at("2026-12-07T13:30:00"))).isFalse();
		assertThat(lunch.quiet(at("2026-12-07T23:00:00"))).isFalse();
	}

	@Test
	void theCityClockDecidesNotTheServers() {
		// 13:00 UTC is 21:00 in the city.
		assertThat(rules.quiet(Instant.parse("2026-12-07T13:00:00Z"))).isTrue();
		assertThat(rules.quiet(Instant.parse("2026-12-07T12:59:59Z"))).isFalse();
		assertThat(rules.quiet(Instant.parse("2026-12-07T00:00:00Z"))).isFalse();
	}

}
