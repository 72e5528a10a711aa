package org.onestop.appointment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Booking a visit, as easy as queuing at the hall: choose a hall, a day (with the places left), a time;
 * the citizen's appointments with cancel and reschedule; a suspended citizen can ask a person to review.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class BookingPagesController {

	private final Halls halls;
	private final Booking booking;
	private final Appeals appeals;

	BookingPagesController(Halls halls, Booking booking, Appeals appeals) {
		this.halls = halls;
		this.booking = booking;
		this.appeals = appeals;
	}

	@GetMapping("/services/{code}/book")
	String book(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code,
			@RequestParam(required = false) String hall, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) UUID reschedule, Model model, Locale locale) {
		model.addAttribute("page", page(code, hall, date, reschedule, null, locale));
		return "appointment/book";
	}

	@PostMapping("/services/{code}/book")
	String confirm(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code,
			@RequestParam(required = false) Long slotId, @RequestParam(required = false) String hall,
			@RequestParam(required = false) LocalDate date, @RequestParam(required = false) UUID reschedule, Model model,
			Locale locale, @ModelAttribute("shell") Shell shell) {
		try {
			if (slotId == null) {
				throw new org.onestop.platform.InvalidInputException("slotId", "appointment.page.slot.choose");
			}
			BookedAppointment booked = reschedule != null ? booking.reschedule(citizen, reschedule, slotId)
					: booking.book(citizen, slotId, code, null);
			return "redirect:/appointments?booked=" + booked.bookingCode();
		}
		catch (ProblemException ex) {
			String message = ex.fields().isEmpty() ? shell.t(ex.detailKey(), ex.args())
					: shell.errors(ex).values().iterator().next();
			model.addAttribute("page", page(code, hall, date, reschedule, message, locale));
			return "appointment/book";
		}
	}

	@GetMapping("/appointments")
	String mine(@AuthenticationPrincipal OneStopUser citizen, @RequestParam(required = false) String booked,
			@RequestParam(required = false) String cancelled, @RequestParam(required = false) String appealed, Model model,
			@ModelAttribute("shell") Shell shell) {
		String banner = booked != null ? shell.t("appointment.page.booked", booked)
				: cancelled != null ? shell.t("appointment.page.cancelled")
						: appealed != null ? shell.t("appointment.page.appealed") : null;
		model.addAttribute("page", new AppointmentPages.MinePage(booking.mine(citizen),
				booking.suspended(citizen.username()), banner, null));
		return "appointment/mine";
	}

	@PostMapping("/appointments/{id}/cancel")
	String cancel(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		booking.cancel(citizen, id);
		return "redirect:/appointments?cancelled";
	}

	@PostMapping("/appointments/appeal")
	String appeal(@AuthenticationPrincipal OneStopUser citizen, @RequestParam(defaultValue = "") String reason,
			Model model, @ModelAttribute("shell") Shell shell) {
		try {
			appeals.appeal(citizen, reason);
			return "redirect:/appointments?appealed";
		}
		catch (ProblemException ex) {
			// A refusal without a field (not suspended, already appealed) is shown beside the reason too, or as the
			// page's notice when there is no longer a form to show it beside.
			String message = shell.errors(ex).values().stream().findFirst()
				.orElseGet(() -> shell.t(ex.detailKey(), ex.args()));
			boolean suspended = booking.suspended(citizen.username());
			model.addAttribute("page", new AppointmentPages.MinePage(booking.mine(citizen), suspended, null,
					message));
			return "appointment/mine";
		}
	}

	private AppointmentPages.BookPage page(String code, String hall, LocalDate date, UUID reschedule, String error,
			Locale locale) {
		List<AppointmentPages.HallChoice> choices = new ArrayList<>();
		for (String h : halls.codes()) {
			HallLayout layout = halls.layout(h);
			layout.groupOf(code)
				.ifPresent(g -> choices.add(new AppointmentPages.HallChoice(h, layout.name().in(locale), g.name().in(locale))));
		}
		if (choices.isEmpty()) {
			throw new NotFoundException("appointment.service.not-here", code);
		}
		if (hall == null || choices.stream().noneMatch(c -> c.code().equals(hall))) {
			return new AppointmentPages.BookPage(code, choices, null, null, null, List.of(), null, List.of(), reschedule,
					error);
		}
		AppointmentPages.HallChoice chosen = choices.stream().filter(c -> c.code().equals(hall)).findFirst().orElseThrow();
		HallLayout layout = halls.layout(hall);
		List<AppointmentPages.DayChoice> days = new ArrayList<>();
		for (int d = 0; d <= layout.bookingDaysAhead(); d++) {
			LocalDate day = booking.today().plusDays(d);
			List<Slot> slots = booking.slots(hall, code, day);
			days.add(new AppointmentPages.DayChoice(day, slots.stream().mapToInt(Slot::remaining).sum(), !slots.isEmpty()));
		}
		List<Slot> slots = date == null ? List.of() : booking.slots(hall, code, date);
		return new AppointmentPages.BookPage(code, choices, hall, chosen.name(), chosen.group(), days, date, slots,
				reschedule, error);
	}
}
