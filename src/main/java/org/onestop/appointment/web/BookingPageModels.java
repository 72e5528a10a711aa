package org.onestop.appointment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.MatterDepartments;
import org.onestop.appointment.booking.Booking;
import org.onestop.appointment.booking.Slot;
import org.onestop.appointment.web.AppointmentPages.BookPage;
import org.onestop.appointment.web.AppointmentPages.DayChoice;
import org.onestop.appointment.web.AppointmentPages.HallChoice;
import org.onestop.appointment.web.AppointmentPages.MinePage;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Builds the booking pages' models from the halls and the citizen's bookings, so the
 * controller only routes.
 */
@Component
class BookingPageModels {

	private final Halls halls;

	private final Booking booking;

	private final Clock clock;

	private final MatterDepartments matters;

	BookingPageModels(Halls halls, Booking booking, Clock clock, MatterDepartments matters) {
		this.halls = halls;
		this.booking = booking;
		this.clock = clock;
		this.matters = matters;
	}

	/**
	 * The booking page of a matter: halls that handle it; once one is chosen, its days;
	 * once a day is, its times.
	 */
	BookPage book(String code, String hall, LocalDate date, UUID reschedule, String error, Locale locale) {
		List<HallChoice> choices = new ArrayList<>();
		for (String h : halls.codes()) {
			HallLayout layout = halls.layout(h);
			layout.groupOf(code)
				.ifPresent(g -> choices.add(new HallChoice(h, layout.name().in(locale), g.name().in(locale))));
		}
		if (choices.isEmpty()) {
			throw new NotFoundException("appointment.service.not-here", code);
		}
		HallChoice chosen = choices.stream().filter(c -> c.code().equals(hall)).findFirst().orElse(null);
		if (chosen == null) {
			return BookPage.choosingHall(code, choices, reschedule, error);
		}
		HallLayout layout = halls.layout(hall);
		List<DayChoice> days = new ArrayList<>();
		for (int d = 0; d <= layout.bookingDaysAhead(); d++) {
			LocalDate day = booking.today().plusDays(d);
			days.add(DayChoice.of(day, booking.slots(hall, code, day)));
		}
		List<Slot> slots = date == null ? List.of() : booking.slots(hall, code, date);
		return BookPage.choosingTime(code, choices, chosen, days, date, slots, reschedule, error);
	}

	/**
	 * One of the citizen's own bookings, named for the cancel and reschedule pages; 404
	 * when it is not theirs, so that another's booking is not even confirmed to exist.
	 */
	BookingSummary own(OneStopUser citizen, UUID id, Locale locale) {
		BookedAppointment appointment = booking.mine(citizen)
			.stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("appointment.not-found"));
		HallLayout layout = halls.layout(appointment.hall());
		String group = layout.group(appointment.group()).map(g -> g.name().in(locale)).orElse(appointment.group());
		boolean changeable = "BOOKED".equals(appointment.status()) && appointment.start().isAfter(clock.instant());
		return new BookingSummary(appointment, layout.name().in(locale), group, changeable);
	}

	MinePage mine(OneStopUser citizen, String banner) {
		return named(MinePage.withBanner(booking.mine(citizen), booking.suspended(citizen.username()), banner,
				clock.instant()));
	}

	MinePage appealRefused(OneStopUser citizen, String appealError) {
		return named(MinePage.appealRefused(booking.mine(citizen), booking.suspended(citizen.username()), appealError,
				clock.instant()));
	}

	/**
	 * The page with the names of the halls and counter groups its appointments are at.
	 */
	private MinePage named(MinePage page) {
		java.util.Map<String, org.onestop.shared.LocalizedText> places = new java.util.HashMap<>();
		page.appointments().stream().map(a -> a.hall()).distinct().forEach(code -> {
			HallLayout layout = halls.layout(code);
			places.put(code, layout.name());
			layout.groups().forEach(g -> places.put(code + "/" + g.code(), g.name()));
		});
		matters.names(page.appointments().stream().map(BookedAppointment::serviceCode).distinct().toList())
			.forEach((code, name) -> places.put("matter:" + code, name));
		return new MinePage(page.appointments(), page.suspended(), page.banner(), page.appealError(), page.now(),
				places);
	}

}
