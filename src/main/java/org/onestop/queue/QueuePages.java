package org.onestop.queue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.shared.LocalizedText;

/** What the queue's pages show; public because the compiled templates read them. */
public final class QueuePages {

	private QueuePages() {
	}

	/** A counter's name in the reader's language; its id only if the hall lost it. */
	public static String counterName(HallLayout hall, String counter, Locale locale) {
		return counter == null ? "" : hall.counter(counter).map(c -> c.name().in(locale)).orElse(counter);
	}

	/** A group's name in the reader's language. */
	public static String groupName(HallLayout hall, String group, Locale locale) {
		return group == null ? "" : hall.group(group).map(g -> g.name().in(locale)).orElse(group);
	}

	/** A number called to a counter. */
	public record Called(String number, String counter, Instant at) {

		/** Tells one call from another, a call again of the same number included. */
		public String key() {
			return number + "@" + at.toEpochMilli();
		}
	}

	/**
	 * A call as the board shows and says it.
	 *
	 * @param sayChinese what the board says, in Chinese
	 * @param sayEnglish what it says after that in English, null where the hall speaks
	 * Chinese only
	 */
	public record Announcement(Called call, String sayChinese, String sayEnglish) {
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
	public record HallBoard(HallLayout hall, long version, List<Announcement> recent, List<GroupWaiting> waiting,
			Optional<Halls.Hours> hoursToday, String nextFreeDate, Integer medianWalkInMinutes,
			Integer medianAppointmentMinutes, int walkInsToday) {

		/** The newest call, shown large; null before the first of the day. */
		public Announcement now() {
			return recent.isEmpty() ? null : recent.get(0);
		}

		/** The calls before the newest. */
		public List<Announcement> earlier() {
			return recent.isEmpty() ? List.of() : recent.subList(1, recent.size());
		}

		/** The people waiting in all groups. */
		public int waitingTotal() {
			return waiting.stream().mapToInt(GroupWaiting::waiting).sum();
		}
	}

	/** The kiosk's screens besides the start: where the person is in taking a number. */
	public enum KioskStep {

		/** The matter groups, one big button each. */
		START,
		/** Checking in with a booking code and the last ID characters. */
		APPOINTMENT,
		/** People aged 70 or over give their ID number, then choose. */
		ELDER,
		/** A clerk confirms that this device becomes the hall's kiosk. */
		REGISTER;

		/** The step named in a link, START for anything else. */
		static KioskStep of(String name) {
			for (KioskStep step : values()) {
				if (step.name().equalsIgnoreCase(name == null ? "" : name)) {
					return step;
				}
			}
			return START;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The kiosk: registered or not, the step shown, and the ticket just taken, if any.
	 *
	 * @param ticketLink the ticket's public page, for its QR code; null without a ticket
	 * @param typed what the person typed before a refusal, to show it again
	 */
	public record KioskPage(HallLayout hall, boolean registered, boolean mayRegister, TicketView ticket,
			String ticketLink, String error, KioskStep step, boolean justRegistered, Typed typed) {

		KioskPage justRegistered(boolean now) {
			return new KioskPage(hall, registered, mayRegister, ticket, ticketLink, error, step, now, typed);
		}

		KioskPage typed(String bookingCode, String idNumber, String idLastDigits) {
			return new KioskPage(hall, registered, mayRegister, ticket, ticketLink, error, step, justRegistered,
					new Typed(bookingCode, idNumber, idLastDigits));
		}

		/** The field a refusal is about, so that its message stands beside it. */
		public String errorField() {
			if (error == null) {
				return null;
			}
			return switch (error) {
				case "queue.ticket.booking.not-found" -> "bookingCode";
				case "queue.ticket.id-last-digits.required" -> "idLastDigits";
				case "queue.ticket.id-number.invalid" -> "idNumber";
				case "queue.kiosk.choose-group" -> "group";
				default -> null;
			};
		}

	}

	/** What the person typed at the kiosk, never null inside. */
	public record Typed(String bookingCode, String idNumber, String idLastDigits) {

		static final Typed NONE = new Typed("", "", "");

		public Typed {
			bookingCode = bookingCode == null ? "" : bookingCode;
			idNumber = idNumber == null ? "" : idNumber;
			idLastDigits = idLastDigits == null ? "" : idLastDigits;
		}
	}

	/**
	 * The counter console: the ticket being served, and who waits for this counter's
	 * groups.
	 */
	public record CounterPage(HallLayout hall, HallLayout.Counter counter, TicketView current,
			List<GroupWaiting> waiting, String done, TicketView acted, java.util.Map<String, LocalizedText> matters) {

		/**
		 * The page, with {@code done} (from the redirect's query) kept only when it looks
		 * like an action's name.
		 */
		static CounterPage of(HallLayout hall, HallLayout.Counter counter, TicketView current,
				List<GroupWaiting> waiting, String done, TicketView acted,
				java.util.Map<String, LocalizedText> matters) {
			return new CounterPage(hall, counter, current, waiting,
					done == null || !done.matches("[a-z-]{1,20}") ? null : done, acted, matters);
		}

		/**
		 * The matter of the ticket being served, by name; the code if the catalog has
		 * none.
		 */
		public String matterName(String code, java.util.Locale locale) {
			LocalizedText name = matters.get(code);
			return name == null ? code : name.in(locale);
		}

		/**
		 * The name of a group of this hall, in the language given; the code if unknown.
		 */
		public String groupName(String code, java.util.Locale locale) {
			return hall.group(code).map(g -> g.name().in(locale)).orElse(code);
		}
	}

	/**
	 * The citizen's ticket page.
	 *
	 * @param address the hall's address, null if the hall has none on record
	 */
	public record TicketPage(HallLayout hall, TicketView ticket, long version, LocalizedText address) {
	}

}
