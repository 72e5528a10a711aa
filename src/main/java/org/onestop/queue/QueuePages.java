package org.onestop.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;

/** What the queue's pages show; public because the compiled templates read them. */
public final class QueuePages {

	private QueuePages() {
	}

	/** A number called to a counter. */
	public record Called(String number, String counter, Instant at) {
	}

	/** How many wait in a group, and how long a newcomer would wait. */
	public record GroupWaiting(HallLayout.Group group, int waiting, int estimateMinutes) {
	}

	/**
	 * The public hall board.
	 *
	 * @param hoursToday today's opening hours, empty when closed (walk-in tickets are
	 * given out while open)
	 * @param nextFreeDate the next day with a free online place, or null when not known
	 * @param medianWalkInMinutes median wait from ticket to first call over 30 days, null
	 * without data
	 */
	public record HallBoard(HallLayout hall, long version, List<Called> recent, List<GroupWaiting> waiting,
			Optional<Halls.Hours> hoursToday, String nextFreeDate, Integer medianWalkInMinutes,
			Integer medianAppointmentMinutes, int walkInsToday) {
	}

	/** The kiosk: registered or not, and the ticket just taken, if any. */
	public record KioskPage(HallLayout hall, boolean registered, boolean mayRegister, TicketView ticket, String error) {
	}

	/**
	 * The counter console: the ticket being served, and who waits for this counter's
	 * groups.
	 */
	public record CounterPage(HallLayout hall, HallLayout.Counter counter, TicketView current,
			List<GroupWaiting> waiting, String done, TicketView acted) {

		/**
		 * The page, with {@code done} (from the redirect's query) kept only when it looks
		 * like an action's name.
		 */
		static CounterPage of(HallLayout hall, HallLayout.Counter counter, TicketView current,
				List<GroupWaiting> waiting, String done, TicketView acted) {
			return new CounterPage(hall, counter, current, waiting,
					done == null || !done.matches("[a-z-]{1,20}") ? null : done, acted);
		}

		/**
		 * The name of a group of this hall, in the language given; the code if unknown.
		 */
		public String groupName(String code, java.util.Locale locale) {
			return hall.group(code).map(g -> g.name().in(locale)).orElse(code);
		}
	}

	/** The citizen's ticket page. */
	public record TicketPage(HallLayout hall, TicketView ticket, long version) {
	}

}
