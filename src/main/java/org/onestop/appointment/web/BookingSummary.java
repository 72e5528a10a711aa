package org.onestop.appointment.web;

import org.onestop.appointment.BookedAppointment;

/**
 * One of the citizen's own bookings as the cancel and reschedule pages show it: when,
 * where (the hall's and the group's names) and its booking code.
 */
public record BookingSummary(BookedAppointment appointment, String hallName, String groupName, boolean changeable) {
}
