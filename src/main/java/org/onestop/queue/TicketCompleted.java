package org.onestop.queue;

import java.time.Instant;
import java.util.UUID;

import org.onestop.identity.OneStopUser;

/**
 * A clerk served a ticket's holder. Published in the completing transaction and kept in
 * the event publication registry until every listener has handled it: the appointment is
 * done, and the visit is a trip on the case.
 *
 * @param ticket the ticket's id
 * @param number the number on the citizen's slip, such as {@code A012}
 * @param hall the hall's code
 * @param clerk who completed it, as they were signed in (the trip is recorded with their
 * rights at the time)
 * @param appointment the appointment the ticket was drawn for; null for a walk-in
 * @param application the application the visit was about; null when none was named
 * @param completed when the clerk completed it: the trip's time, however late it is
 * recorded
 */
public record TicketCompleted(UUID ticket, String number, String hall, OneStopUser clerk, UUID appointment,
		UUID application, Instant completed) {
}
