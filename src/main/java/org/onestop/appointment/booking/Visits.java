package org.onestop.appointment.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.CheckedIn;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An appointment at the hall, after booking: checked in (by booking code or ID number),
 * completed, or a no-show. Public for the module's facade {@code Appointments}, which
 * other modules call.
 */
@Service
public class Visits {

	private final AppointmentStore store;

	private final Halls halls;

	private final NoShows noShows;

	private final Clock clock;

	private final ZoneId zone;

	Visits(AppointmentStore store, Halls halls, NoShows noShows, Clock clock, PlatformProperties properties) {
		this.store = store;
		this.halls = halls;
		this.noShows = noShows;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** See {@code Appointments.checkIn}. */
	@Transactional
	public Optional<CheckedIn> checkIn(String hall, String bookingCode, String idNumber, String serviceCode,
			String idSuffix) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (bookingCode != null && !bookingCode.isBlank()) {
			return store.checkInByCode(hall, today, bookingCode.strip().toUpperCase(), suffix(idSuffix),
					clock.instant());
		}
		if (idNumber != null && !idNumber.isBlank()) {
			// By ID number, any of the person's appointments today in the same matter
			// group (a kiosk asks for the
			// group, not the exact matter).
			String group = serviceCode == null || serviceCode.isBlank() ? null
					: halls.find(hall)
						.flatMap(h -> h.groupOf(serviceCode.strip()))
						.map(HallLayout.Group::code)
						.orElse(null);
			return store.checkInByIdNumber(hall, today, idNumber.strip().toUpperCase(), group, clock.instant());
		}
		return Optional.empty();
	}

	/** See {@code Appointments.checkedInToday}. */
	public Optional<UUID> checkedInToday(String hall, String bookingCode, String idSuffix) {
		return store.checkedIn(hall, LocalDate.now(clock.withZone(zone)), bookingCode.strip().toUpperCase(),
				suffix(idSuffix));
	}

	@Transactional
	public void complete(UUID appointment) {
		store.complete(appointment, clock.instant());
	}

	@Transactional
	public void markNoShow(UUID appointment) {
		noShows.markNoShow(appointment);
	}

	private static String suffix(String idSuffix) {
		return idSuffix == null ? null : idSuffix.strip().toUpperCase();
	}

}
