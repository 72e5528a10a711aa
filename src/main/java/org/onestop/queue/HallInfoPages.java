package org.onestop.queue;

import java.util.List;
import java.util.Optional;

import org.onestop.appointment.Halls;
import org.onestop.appointment.ServiceHall;

/**
 * What the public hall pages show (public because the compiled templates read them):
 * where a hall is, when it opens, how to get there and how long people wait now.
 */
public final class HallInfoPages {

	private HallInfoPages() {
	}

	/**
	 * Today at a hall.
	 *
	 * @param hours today's hours, empty when closed
	 * @param special why today differs from an ordinary weekday: {@code HOLIDAY} (a
	 * public holiday), {@code WORKDAY} (a weekend day worked in exchange), or null
	 * @param holidayName the holiday's name as the calendar lists it, or null
	 */
	public record Today(Optional<Halls.Hours> hours, String special, String holidayName) {
	}

	/** One weekday's ordinary hours; {@code hours} is null on a closed weekday. */
	public record Weekday(int weekday, Halls.Hours hours) {
	}

	/** The list of halls. */
	public record HallsPage(List<Entry> halls) {

		public record Entry(ServiceHall hall, Today today) {
		}
	}

	/** One hall. */
	public record HallPage(ServiceHall hall, List<Weekday> week, Today today, List<QueuePages.GroupWaiting> waiting,
			boolean layoutKnown) {
	}

}
