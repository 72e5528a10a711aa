package org.onestop.appointment.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.booking.Appeals;
import org.onestop.appointment.booking.Booking;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.OnlineChannel;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.shared.ContactChannel;
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
 * Booking a visit, as easy as queuing at the hall: choose a hall, a day (with the places
 * left), a time; the citizen's appointments with cancel and reschedule; a suspended
 * citizen can ask a person to review.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class BookingPagesController {

	private final Booking booking;

	private final Appeals appeals;

	private final BookingPageModels pages;

	BookingPagesController(Booking booking, Appeals appeals, BookingPageModels pages) {
		this.booking = booking;
		this.appeals = appeals;
		this.pages = pages;
	}

	@GetMapping("/services/{code}/book")
	String book(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code,
			@RequestParam(required = false) String hall, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) UUID reschedule, Model model, Locale locale) {
		model.addAttribute("page", pages.book(code, hall, date, reschedule, null, locale));
		changing(model, citizen, reschedule, locale);
		return "appointment/book";
	}

	/** The booking being rescheduled, shown above the times: the citizen's own only. */
	private void changing(Model model, OneStopUser citizen, UUID reschedule, Locale locale) {
		if (reschedule != null) {
			model.addAttribute("changing", pages.own(citizen, reschedule, locale));
		}
	}

	@PostMapping("/services/{code}/book")
	String confirm(@AuthenticationPrincipal OneStopUser citizen, @PathVariable String code,
			@RequestParam(required = false) Long slotId, @RequestParam(required = false) String hall,
			@RequestParam(required = false) LocalDate date, @RequestParam(required = false) UUID reschedule,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell, HttpServletRequest http) {
		try {
			if (slotId == null) {
				throw new InvalidInputException("slotId", "appointment.page.slot.choose");
			}
			ContactChannel channel = OnlineChannel.of(http);
			BookedAppointment booked = reschedule != null ? booking.reschedule(citizen, reschedule, slotId, channel)
					: booking.book(citizen, slotId, code, null, channel);
			return "redirect:/appointments?booked=" + booked.bookingCode();
		}
		catch (ProblemException refusal) {
			model.addAttribute("page", pages.book(code, hall, date, reschedule, shell.message(refusal), locale));
			changing(model, citizen, reschedule, locale);
			return "appointment/book";
		}
	}

	@GetMapping("/appointments")
	String mine(@AuthenticationPrincipal OneStopUser citizen, @RequestParam(required = false) String booked,
			@RequestParam(required = false) String cancelled, @RequestParam(required = false) String appealed,
			Model model, @ModelAttribute("shell") Shell shell) {
		String banner = booked != null ? shell.t("appointment.page.booked", booked)
				: cancelled != null ? shell.t("appointment.page.cancelled")
						: appealed != null ? shell.t("appointment.page.appealed") : null;
		model.addAttribute("page", pages.mine(citizen, banner));
		return "appointment/mine";
	}

	/** Asks before cancelling: the booking, and a button that cancels it. */
	@GetMapping("/appointments/{id}/cancel")
	String confirmCancel(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, Model model,
			Locale locale) {
		model.addAttribute("booking", pages.own(citizen, id, locale));
		return "appointment/cancel";
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
		catch (ProblemException refusal) {
			// A refusal without a field (not suspended, already appealed) is shown beside
			// the reason too, or as the
			// page's notice when there is no longer a form to show it beside.
			model.addAttribute("page", pages.appealRefused(citizen, shell.message(refusal)));
			return "appointment/mine";
		}
	}

}
