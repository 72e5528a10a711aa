package org.onestop.appointment.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.booking.Appeals;
import org.onestop.appointment.booking.Booking;
import org.onestop.appointment.booking.BookingOutcome;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.OnlineChannel;
import org.onestop.platform.PageNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's appointments and their appeal against a suspension; the open appeals, for
 * those who decide them (their URL rule lets only administrators and heads of department
 * in, and {@link Appeals} checks again).
 */
@RestController
class BookingApiController {

	private final Booking booking;

	private final Appeals appeals;

	private final BookingRefusals refusals;

	BookingApiController(Booking booking, Appeals appeals, BookingRefusals refusals) {
		this.booking = booking;
		this.appeals = appeals;
		this.refusals = refusals;
	}

	record BookRequest(Long slotId, String serviceCode, UUID applicationId) {
	}

	record RescheduleRequest(Long slotId) {
	}

	record AppealRequest(String reason) {
	}

	record Decision(String outcome, String note) {
	}

	/**
	 * A refusal (409) is answered with a problem body made once per reason and language.
	 */
	@PostMapping("/api/v1/appointments")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<?> book(@AuthenticationPrincipal OneStopUser citizen, @RequestBody BookRequest request,
			HttpServletRequest http, Locale locale) {
		BookingOutcome outcome = booking.attempt(citizen, slot(request.slotId()), request.serviceCode(),
				request.applicationId(), OnlineChannel.of(http));
		if (outcome.refused()) {
			return refusals.answer(outcome, locale, http.getRequestURI());
		}
		BookedAppointment booked = outcome.appointment();
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id())).body(booked);
	}

	@GetMapping("/api/v1/appointments")
	@PreAuthorize("hasRole('CITIZEN')")
	List<BookedAppointment> mine(@AuthenticationPrincipal OneStopUser citizen) {
		return booking.mine(citizen);
	}

	@DeleteMapping("/api/v1/appointments/{id}")
	@PreAuthorize("hasRole('CITIZEN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		booking.cancel(citizen, id);
	}

	@PostMapping("/api/v1/appointments/{id}/reschedule")
	@PreAuthorize("hasRole('CITIZEN')")
	BookedAppointment reschedule(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestBody RescheduleRequest request, HttpServletRequest http) {
		return booking.reschedule(citizen, id, slot(request.slotId()), OnlineChannel.of(http));
	}

	@PostMapping("/api/v1/appointments/suspension/appeal")
	@PreAuthorize("hasRole('CITIZEN')")
	@ResponseStatus(HttpStatus.CREATED)
	Appeals.Appeal appeal(@AuthenticationPrincipal OneStopUser citizen, @RequestBody AppealRequest request) {
		return appeals.appeal(citizen, request.reason());
	}

	@GetMapping("/api/v1/admin/booking-appeals")
	Appeals.OpenAppeals openAppeals(PageNumber page, @RequestParam(defaultValue = "50") int size) {
		return appeals.open(page.value(), size);
	}

	@PostMapping("/api/v1/admin/booking-appeals/{id}/decision")
	Appeals.Appeal decide(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestBody Decision decision) {
		return appeals.decide(staff, id, decision.outcome(), decision.note());
	}

	private static long slot(Long slotId) {
		if (slotId == null) {
			throw new InvalidInputException("slotId", "appointment.slot.not-found");
		}
		return slotId;
	}

}
