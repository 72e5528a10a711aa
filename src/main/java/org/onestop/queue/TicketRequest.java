package org.onestop.queue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request for a ticket: the matter, and a booking code or ID number to check an
 * appointment in.
 *
 * @param priorityReason DISABILITY (certificate seen by the clerk) or a priority group of
 * the hall; clerks only
 * @param idLastDigits at a kiosk, the last four characters of the holder's ID number,
 * checked with the booking code (appointments are real-name: a code alone, which could be
 * passed on, does not check in)
 */
record TicketRequest(@NotBlank @Size(max = 40) String serviceCode, @Size(max = 40) String bookingCode,
		@Size(max = 18) String idNumber, @Size(max = 30) String priorityReason, @Size(max = 4) String idLastDigits) {

	public TicketRequest(String serviceCode, String bookingCode, String idNumber, String priorityReason) {
		this(serviceCode, bookingCode, idNumber, priorityReason, null);
	}
}
