package org.onestop.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A citizen's appointment as they see it. */
public record BookedAppointment(UUID id, String bookingCode, String hall, String group, String serviceCode,
		LocalDate day, Instant start, Instant end, String status, UUID applicationId) {
}
