package org.onestop.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as its holder, the counter and the API see it.
 *
 * @param priority whether it is in the green channel; {@code priorityReason} says why
 * (AGE_70, DISABILITY or a priority group of the hall)
 * @param position 1 for the next to be called in its group while waiting, 0 once called
 * @param estimatedWaitMinutes the estimated wait from now, 0 once called
 */
public record TicketView(UUID id, String hall, String number, String group, String serviceCode, String kind,
		boolean priority, String priorityReason, String status, int position, int estimatedWaitMinutes, String counter,
		Instant arrivedAt) {

	/**
	 * What anyone holding the ticket's link may see: that it is a priority ticket, not
	 * why (a disability, say).
	 */
	public TicketView withoutReason() {
		return new TicketView(id, hall, number, group, serviceCode, kind, priority, null, status, position,
				estimatedWaitMinutes, counter, arrivedAt);
	}
}
