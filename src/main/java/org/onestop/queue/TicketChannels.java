package org.onestop.queue;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.onestop.appointment.MatterDepartments;
import org.onestop.platform.ChannelCounts;
import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Service;

/**
 * Tickets drawn per channel (kiosk, counter, online check-in), for the burden figures; a
 * department's are those of its matters (a ticket with no matter chosen belongs to none).
 */
@Service
class TicketChannels implements ChannelCounts {

	private final TicketStore store;

	private final MatterDepartments matters;

	TicketChannels(TicketStore store, MatterDepartments matters) {
		this.store = store;
		this.matters = matters;
	}

	@Override
	public String subject() {
		return "tickets";
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
