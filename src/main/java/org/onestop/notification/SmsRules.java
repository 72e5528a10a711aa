package org.onestop.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.onestop.platform.PlatformProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When a text may go out (quiet hours) and whether a phone has texts left today (the
 * daily limit), both by the city's clock.
 */
@Component
class SmsRules {

	private final NotificationProperties.Sms settings;

	private final ZoneId city;

	private final SmsDayStore days;

	@Autowired
	SmsRules(NotificationProperties properties, PlatformProperties platform, SmsDayStore days) {
		this(properties.sms(), platform.timeZone(), days);
	}

	SmsRules(NotificationProperties.Sms settings, ZoneId city, SmsDayStore days) {
		this.settings = settings;
		this.city = city;
		this.days = days;
	}

	/**
	 * The earliest time a text of this kind, written now, may be sent: now, or the end of
	 * quiet hours when now falls inside them and the kind may not wake anyone.
	 */
	Instant notBefore(Instant now, Kind kind) {
		if (kind.quietHoursExempt() || !quiet(now)) {
			return now;
		}
		ZonedDateTime here = now.atZone(city);
		ZonedDateTime end = here.toLocalDate().atTime(settings.quietUntil()).atZone(city);
		return (end.isAfter(here) ? end : end.plusDays(1)).toInstant();
	}

	/** Whether this moment falls in quiet hours, which may span midnight. */
	boolean quiet(Instant now) {
		LocalTime time = now.atZone(city).toLocalTime();
		LocalTime from = settings.quietFrom();
		LocalTime until = settings.quietUntil();
		if (from.equals(until)) {
			return false;
		}
		return from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
				: !time.isBefore(from) || time.isBefore(until);
	}

	/**
	 * Counts one text to this phone on the city day of the moment it may go out, and
	 * answers whether it is within that day's limit. Call it in the sender's transaction:
	 * one upsert, so that two nodes texting the same phone at once still stop at the
	 * limit. A text over the limit is not counted.
	 */
	boolean countForDay(String phone, Instant sendAt) {
		return days.count(phone, sendAt.atZone(city).toLocalDate(), settings.dailyLimit());
	}

}
