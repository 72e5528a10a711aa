package org.onestop.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment checked in at its hall: what the queue needs to give its holder a
 * ticket.
 */
public record CheckedIn(UUID appointmentId, String citizen, String idNumber, String serviceCode, String groupCode,
		Instant slotStart, Instant slotEnd, UUID applicationId) {
}
