package org.onestop.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.onestop.platform.PlatformProperties;
import org.onestop.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The callback slots the form offers: on the next few working days, on the hour within
 * the hotline's working hours, not sooner than half an hour from now. The backend checks
 * the slot chosen again; this only makes a good choice easy.
 */
@Component
class CallbackSlots {

	static final int DAYS = 3;

	private final WorkingCalendar calendar;

	private final AssistantProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	CallbackSlots(WorkingCalendar calendar, AssistantProperties properties, Clock clock, PlatformProperties platform) {
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	List<AssistantPages.Slot> offered(Locale locale) {
		LocalDateTime earliest = LocalDateTime.now(clock.withZone(zone)).plusMinutes(30);
		List<AssistantPages.Slot> slots = new ArrayList<>();
		LocalDate day = earliest.toLocalDate();
		int days = 0;
		for (int i = 0; i <= properties.callbackDaysAhead() && days < DAYS; i++, day = day.plusDays(1)) {
			if (!calendar.isWorkingDay(day)) {
				continue;
			}
			boolean any = false;
			for (LocalTime t = properties.callbackOpens(); t
				.isBefore(properties.callbackCloses()); t = t.plusHours(1)) {
				LocalDateTime at = day.atTime(t);
				if (at.isAfter(earliest)) {
					slots.add(new AssistantPages.Slot(at.toString(), label(at, locale)));
					any = true;
				}
			}
			days += any ? 1 : 0;
		}
		return slots;
	}

	private static String label(LocalDateTime at, Locale locale) {
		// The locale's own way of writing a date and its weekday (e.g. "Mon, 30 Nov 2026"
		// and "2026年11月30日星期一").
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(at) + " "
				+ DateTimeFormatter.ofPattern("HH:mm").format(at);
	}

}
