package org.onestop.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * The complaint clocks' arithmetic, kept free of Spring and the database so that its
 * rules are tested on their own: when a reply and first contact are due, when to warn and
 * escalate, and when the 2-working-hour return window closes.
 */
final class Deadlines {

	/** Warn when three quarters of the time are gone. */
	private static final double WARN_SHARE = 0.75;

	private final Predicate<LocalDate> workingDay;

	private final ZoneId zone;

	private final LocalTime opens;

	private final LocalTime closes;

	Deadlines(Predicate<LocalDate> workingDay, ZoneId zone, LocalTime opens, LocalTime closes) {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("The office must open before it closes");
		}
		this.workingDay = workingDay;
		this.zone = zone;
		this.opens = opens;
		this.closes = closes;
	}

	ZoneId zone() {
		return zone;
	}

	/**
	 * When the reply is due: hours on the clock for the 2- and 24-hour tiers; for the
	 * others, the close of office on the n-th working day after the day it started.
	 */
	Instant replyDue(UrgencyTier tier, Instant start) {
		if (tier.hours > 0) {
			return start.plus(Duration.ofHours(tier.hours));
		}
		LocalDate day = start.atZone(zone).toLocalDate();
		for (int counted = 0; counted < tier.workingDays;) {
			day = day.plusDays(1);
			if (workingDay.test(day)) {
				counted++;
			}
		}
		return day.atTime(closes).atZone(zone).toInstant();
	}

	/** First contact: within 24 hours, or the reply itself in the 2-hour tier. */
	Instant contactDue(UrgencyTier tier, Instant start) {
		return tier.contactIsHandling() ? replyDue(tier, start) : start.plus(Duration.ofHours(24));
	}

	Instant warnAt(Instant start, Instant due) {
		long span = Duration.between(start, due).toSeconds();
		return start.plusSeconds(Math.round(span * WARN_SHARE));
	}

	/**
	 * Past the due date the department's head is told at once; the dispatch centre's head
	 * when half as much time again has gone by.
	 */
	Instant escalateAt(Instant start, Instant due) {
		long span = Math.max(Duration.between(start, due).toSeconds(), 3600);
		return due.plusSeconds(span / 2);
	}

	/**
	 * The end of a window of working time (office hours on working days) that starts at
	 * {@code from}: a dispatch at 17:00 on Friday may be returned until 10:30 on Monday.
	 */
	Instant afterWorkingTime(Instant from, Duration working) {
		ZonedDateTime at = from.atZone(zone);
		long left = working.toSeconds();
		for (int guard = 0; guard < 400; guard++) {
			LocalDate day = at.toLocalDate();
			if (workingDay.test(day)) {
				ZonedDateTime open = day.atTime(opens).atZone(zone);
				ZonedDateTime close = day.atTime(closes).atZone(zone);
				ZonedDateTime start = at.isBefore(open) ? open : at;
				if (start.isBefore(close)) {
					long available = Duration.between(start, close).toSeconds();
					if (left <= available) {
						return start.plusSeconds(left).toInstant();
					}
					left -= available;
				}
			}
			at = day.plusDays(1).atStartOfDay(zone);
		}
		throw new IllegalStateException("No working time within 400 days of " + from);
	}

}
