package org.onestop.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onestop.application.Cases;
import org.onestop.appointment.Appointments;
import org.onestop.appointment.Halls;
import org.onestop.catalog.Catalog;
import org.onestop.platform.Messages;
import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * A signed-in citizen's own open applications and coming appointments, read through the
 * application and appointment modules' facades by username: for "where is my
 * application?" and for the agent who takes over. Nothing here reads anyone but the one
 * citizen named.
 */
@Component
class CitizenRecords {

	/** An application still being handled. */
	record ApplicationLine(UUID id, String serviceCode, String matter, String status, LocalDate dueDate) {
	}

	/** An appointment still to come. */
	record AppointmentLine(UUID id, String serviceCode, String matter, String hall, Instant start, String status,
			String bookingCode) {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Cases cases;

	private final Appointments appointments;

	private final Halls halls;

	private final Catalog catalog;

	private final Messages messages;

	private final ZoneId zone;

	CitizenRecords(Cases cases, Appointments appointments, Halls halls, Catalog catalog, Messages messages,
			PlatformProperties platform) {
		this.cases = cases;
		this.appointments = appointments;
		this.halls = halls;
		this.catalog = catalog;
		this.messages = messages;
		this.zone = platform.timeZone();
	}

	List<ApplicationLine> applications(String citizen, Locale locale) {
		return cases.openOf(citizen)
			.stream()
			.map(a -> new ApplicationLine(a.id(), a.serviceCode(), matter(a.serviceCode(), locale),
					messages.get(locale, "application.page.status." + a.status().name()), a.dueDate()))
			.toList();
	}

	List<AppointmentLine> appointments(String citizen, Locale locale) {
		return appointments.upcomingOf(citizen)
			.stream()
			.map(a -> new AppointmentLine(a.id(), a.serviceCode(), matter(a.serviceCode(), locale),
					halls.find(a.hall()).map(h -> h.name().in(locale)).orElse(a.hall()), a.start(),
					messages.get(locale, a.statusKey()), a.bookingCode()))
			.toList();
	}

	String applicationsReply(String citizen, Locale locale) {
		List<ApplicationLine> open = applications(citizen, locale);
		if (open.isEmpty()) {
			return messages.get(locale, "assistant.reply.applications.none");
		}
		StringBuilder reply = new StringBuilder(
				messages.get(locale, "assistant.reply.applications.intro", open.size()));
		open.stream()
			.limit(5)
			.forEach(a -> reply.append('\n')
				.append(messages.get(locale,
						a.dueDate() == null ? "assistant.reply.applications.line"
								: "assistant.reply.applications.line-due",
						a.matter(), a.status(), a.dueDate() == null ? "" : a.dueDate().toString())));
		return reply.toString();
	}

	String appointmentsReply(String citizen, Locale locale) {
		List<AppointmentLine> coming = appointments(citizen, locale);
		if (coming.isEmpty()) {
			return messages.get(locale, "assistant.reply.appointments.none");
		}
		StringBuilder reply = new StringBuilder(
				messages.get(locale, "assistant.reply.appointments.intro", coming.size()));
		coming.stream()
			.limit(5)
			.forEach(a -> reply.append('\n')
				.append(messages.get(locale, "assistant.reply.appointments.line", WHEN.format(a.start().atZone(zone)),
						a.hall(), a.matter(), a.bookingCode(), a.status())));
		return reply.toString();
	}

	private String matter(String code, Locale locale) {
		return catalog.matter(code).map(m -> m.definition().name().in(locale)).orElse(code);
	}

}
