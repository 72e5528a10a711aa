package org.onestop.appointment.booking;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.onestop.appointment.MatterDepartments;
import org.onestop.platform.ChannelCounts;
import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Service;

/**
 * Appointments booked per channel, for the burden figures; a department's are those of
 * its matters.
 */
@Service
class AppointmentChannels implements ChannelCounts {

	private final AppointmentStore store;

	private final MatterDepartments matters;

	AppointmentChannels(AppointmentStore store, MatterDepartments matters) {
		this.store = store;
		this.matters = matters;
	}

	@Override
	public String subject() {
		return "appointments";
	}

	@Override
	public Optional<Map<ContactChannel, Integer>> count(Instant from, Instant to, String department) {
		var rows = store.countedByChannel(from, to);
		if (department == null) {
			return Optional.of(ChannelCounts.tally(rows, code -> true));
		}
		Map<String, String> departments = matters
			.of(rows.stream().map(Counted::serviceCode).filter(Objects::nonNull).distinct().toList());
		return Optional.of(ChannelCounts.tally(rows, code -> code != null && department.equals(departments.get(code))));
	}

}
