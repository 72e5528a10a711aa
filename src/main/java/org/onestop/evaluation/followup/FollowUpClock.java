package org.onestop.evaluation.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.BiFunction;

/**
 * A follow-up's due dates on the working-day calendar, kept free of Spring and the
 * database so that its rules are tested on their own.
 * <p>
 * The definition: a time limit of N working days, for a follow-up opened at any moment of
 * day D (city time), ends at the end of the working day ({@code dayEnds}, 17:30 by
 * default) of the N-th working day after D, D itself not counted, whether or not D is a
 * working day. So a rating given on Friday evening with a limit of 1 working day is due
 * on Monday at 17:30; one given on a holiday counts from the holiday; a weekend day
 * worked in exchange (调休) counts as a working day. The contact (verify) limit is 1
 * working day; the reply limit is the department's. The department is warned when one
 * working day of the reply's time is left: at the end of the (N-1)-th working day after D
 * (for N = 1, at the end of day D itself).
 */
final class FollowUpClock {

	private final BiFunction<LocalDate, Integer, LocalDate> addWorkingDays;

	private final ZoneId zone;

	private final LocalTime dayEnds;

	/**
	 * @param addWorkingDays the calendar's {@code addWorkingDays(from, n)}: the n-th
	 * working day after {@code from}
	 */
	FollowUpClock(BiFunction<LocalDate, Integer, LocalDate> addWorkingDays, ZoneId zone, LocalTime dayEnds) {
		this.addWorkingDays = addWorkingDays;
		this.zone = zone;
		this.dayEnds = dayEnds;
	}

	/** The due dates of a follow-up opened at {@code opened}. */
	Dues dues(Instant opened, int replyWorkingDays) {
		LocalDate day = opened.atZone(zone).toLocalDate();
		Instant contact = endOf(addWorkingDays.apply(day, 1));
		Instant reply = endOf(addWorkingDays.apply(day, replyWorkingDays));
		Instant warn = endOf(addWorkingDays.apply(day, replyWorkingDays - 1));
		// Opened after the end of a day with a 1-day limit: warn at once rather than
		// before it opened.
		return new Dues(contact, reply, warn.isBefore(opened) ? opened : warn);
	}

	private Instant endOf(LocalDate day) {
		return day.atTime(dayEnds).atZone(zone).toInstant();
	}

	record Dues(Instant contact, Instant reply, Instant warn) {
	}

	/** Where a follow-up's reply stands against its clock. */
	enum State {

		/** More than a working day is left. */
		ON_TIME,
		/**
		 * Less than a working day is left: the department has been (or is being) warned.
		 */
		DUE_SOON,
		/** Past the due time without a reply: the head has been (or is being) told. */
		OVERDUE,
		/**
		 * Replied (on the ledger or put right), closed or withdrawn: the clock stopped.
		 */
		STOPPED;

		static State of(String status, Instant warnAt, Instant replyDue, Instant now) {
			if (!FollowUp.WAITING.contains(status)) {
				return STOPPED;
			}
			if (!now.isBefore(replyDue)) {
				return OVERDUE;
			}
			return now.isBefore(warnAt) ? ON_TIME : DUE_SOON;
		}

	}

}
