package org.onestop.appointment.booking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.ApplicationOwners;
import org.onestop.appointment.AppointmentChanged;
import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.ActedFor;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.onestop.shared.ContactChannel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online booking (P4: never harder than queuing at the hall). Exactness under a flash
 * crowd rests on three conditional writes in one transaction, no table locks: the
 * citizen's daily count (raised only below the limit), the appointment row (a partial
 * unique index allows one active appointment per citizen and matter), and last, so that
 * the hot row is held for the shortest time, the slot's booked count (raised only below
 * its online capacity). Any refusal rolls the other two back. The reads that refuse most
 * of a crowd come first, in one query and outside the transaction.
 */
@Service
public class Booking {

	private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AppointmentStore store;

	private final SuspensionStore suspensions;

	private final Halls halls;

	private final Slots slots;

	private final NoShows noShows;

	private final ApplicationOwners applicationOwners;

	private final ApplicationEventPublisher events;

	private final ActedFor actedFor;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate transactions;

	Booking(AppointmentStore store, SuspensionStore suspensions, Halls halls, Slots slots, NoShows noShows,
			ApplicationOwners applicationOwners, ApplicationEventPublisher events, ActedFor actedFor, Clock clock,
			PlatformProperties properties, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.store = store;
		this.suspensions = suspensions;
		this.halls = halls;
		this.slots = slots;
		this.noShows = noShows;
		this.applicationOwners = applicationOwners;
		this.events = events;
		this.actedFor = actedFor;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * The day's slots for a matter at a hall, with the places left online; empty when the
	 * day is not bookable.
	 */
	@Transactional
	public List<Slot> slots(String hall, String serviceCode, LocalDate day) {
		HallLayout layout = halls.layout(hall);
		HallLayout.Group group = layout.groupOf(serviceCode)
			.orElseThrow(() -> new InvalidInputException("serviceCode", "appointment.service.not-here", serviceCode));
		if (!bookable(layout, day)) {
			return List.of();
		}
		slots.ensure(layout, day);
		return slots.of(hall, group.code(), day).stream().filter(s -> s.start().isAfter(clock.instant())).toList();
	}

	/**
	 * The first day in the booking window with an online place left for the group, if
	 * any.
	 */
	@Transactional
	public Optional<LocalDate> nextFreeDate(String hall, String group) {
		return nextFreeDate(halls.layout(hall), List.of(group));
	}

	/**
	 * The first day in the booking window with an online place left in any group of the
	 * hall (for the hall board).
	 */
	@Transactional
	public Optional<LocalDate> nextFreeDate(String hall) {
		HallLayout layout = halls.layout(hall);
		return nextFreeDate(layout, layout.groups().stream().map(HallLayout.Group::code).toList());
	}

	/**
	 * One query for the whole window (the board used to ask each group about each day); a
	 * day whose slots were never made is made first, which happens once per hall and day
	 * across all nodes.
	 */
	private Optional<LocalDate> nextFreeDate(HallLayout layout, List<String> groups) {
		if (groups.isEmpty()) {
			return Optional.empty();
		}
		LocalDate first = today();
		LocalDate last = first.plusDays(layout.bookingDaysAhead());
		List<LocalDate> window = halls.openDays(layout.code(), first, last)
			.keySet()
			.stream()
			.filter(day -> bookable(layout, day))
			.toList();
		Map<LocalDate, Boolean> made = slots.freeByDay(layout.code(), groups, first, last, clock.instant());
		List<LocalDate> unmade = window.stream().filter(day -> !made.containsKey(day)).toList();
		unmade.forEach(day -> slots.ensure(layout, day));
		Map<LocalDate, Boolean> free = unmade.isEmpty() ? made
				: slots.freeByDay(layout.code(), groups, first, last, clock.instant());
		return window.stream().filter(day -> Boolean.TRUE.equals(free.get(day))).findFirst();
	}

	/**
	 * Within the booking window: today up to N days ahead, the newest day only from the
	 * daily opening time.
	 */
	boolean bookable(HallLayout hall, LocalDate day) {
		return bookable(hall.bookingDaysAhead(), hall.bookingOpensAt(), LocalDateTime.now(clock.withZone(zone)), day);
	}

	static boolean bookable(int daysAhead, LocalTime opensAt, LocalDateTime now, LocalDate day) {
		LocalDate today = now.toLocalDate();
		LocalDate newest = today.plusDays(daysAhead);
		if (day.isBefore(today) || day.isAfter(newest)) {
			return false;
		}
		return !day.equals(newest) || !now.toLocalTime().isBefore(opensAt);
	}

	/**
	 * Books a place for the citizen through the channel of the request; a
	 * representative's booking counts as {@code DELEGATED} whatever device they used. A
	 * refusal is a {@link ConflictException}.
	 */
	public BookedAppointment book(OneStopUser citizen, long slotId, String serviceCode, UUID applicationId,
			ContactChannel channel) {
		return attempt(citizen, slotId, serviceCode, applicationId, channel).orThrow();
	}

	/**
	 * Books a place, or says why not without throwing (the crowd's path). One read
	 * decides most refusals before any transaction is opened, so they need neither a
	 * write nor a ROLLBACK; the writes that decide the rest run in one transaction,
	 * rolled back on a refusal. Inside a caller's transaction (rescheduling) both join
	 * it.
	 */
	public BookingOutcome attempt(OneStopUser citizen, long slotId, String serviceCode, UUID applicationId,
			ContactChannel channel) {
		if (serviceCode == null || serviceCode.isBlank()) {
			throw new InvalidInputException("serviceCode", "appointment.service.required");
		}
		String service = serviceCode.strip();
		if (applicationId != null && (!citizen.mayActOn(service)
				|| !applicationOwners.belongsTo(applicationId, citizen.username(), service))) {
			// Another citizen's application, one of another matter, one outside the
			// mandate and one that does not exist get the same answer: nothing leaks.
			throw new NotFoundException("appointment.application.not-found");
		}
		if (!citizen.mayActOn(service)) {
			// A representative books only for the mandate's matters (issue 15).
			throw new ForbiddenException("acting.matter.outside");
		}
		Instant now = clock.instant();
		AppointmentStore.Bookable bookable = store.bookable(slotId, service, citizen.username(), now)
			.orElseThrow(() -> new InvalidInputException("slotId", "appointment.slot.not-found"));
		Slot slot = bookable.slot();
		if (!bookable.serves()) {
			throw new InvalidInputException("serviceCode", "appointment.service.not-in-slot", service);
		}
		if (!bookable(bookable.daysAhead(), bookable.opensAt(), LocalDateTime.ofInstant(now, zone), slot.day())
				|| !slot.start().isAfter(now)) {
			return BookingOutcome.refused("appointment.booking.not-open");
		}
		if (slot.booked() >= slot.onlineCapacity()) {
			// Most losers of a crowd stop here without writing; the conditional UPDATE
			// below still decides.
			return BookingOutcome.refused("appointment.booking.full");
		}
		if (bookable.suspended()) {
			return BookingOutcome.refused("appointment.booking.suspended");
		}
		return transactions.execute(tx -> {
			BookingOutcome outcome = write(citizen, slot, service, applicationId, channel, bookable.dailyLimit(), now);
			if (outcome.refused()) {
				tx.setRollbackOnly();
			}
			return outcome;
		});
	}

	/**
	 * The three conditional writes that decide, in one transaction: the citizen's day,
	 * the appointment, the slot's place.
	 */
	private BookingOutcome write(OneStopUser citizen, Slot slot, String service, UUID applicationId,
			ContactChannel channel, int dailyLimit, Instant now) {
		if (!store.countDay(citizen.username(), slot.day(), dailyLimit)) {
			return BookingOutcome.refused("appointment.booking.daily-limit", dailyLimit);
		}
		UUID id = UUID.randomUUID();
		String code = bookingCode();
		ContactChannel through = citizen.represented() ? ContactChannel.DELEGATED : channel;
		boolean added = store.add(id, code, citizen.username(), citizen.idNumber(), slot, service, applicationId,
				through, now);
		if (!added && noShows.sweepMissed(citizen.username()) > 0) {
			// The active appointment in the way was one the citizen simply missed: now a
			// no-show, try again.
			added = store.add(id, code, citizen.username(), citizen.idNumber(), slot, service, applicationId, through,
					now);
			if (suspended(citizen.username())) {
				return BookingOutcome.refused("appointment.booking.suspended");
			}
		}
		if (!added) {
			return BookingOutcome.refused("appointment.booking.duplicate");
		}
		if (!slots.takePlace(slot.id())) {
			return BookingOutcome.refused("appointment.booking.full");
		}
		String bookedBy = null;
		if (citizen.represented()) {
			bookedBy = citizen.representedBy().displayName();
			store.bookedBy(id, citizen.representedBy().username(), bookedBy);
			actedFor.record(citizen, "acting.what.booked", List.of(code, slot.day().toString()), "/appointments");
		}
		events.publishEvent(new AppointmentChanged(citizen.actor(), id, "booked"));
		return BookingOutcome.booked(new BookedAppointment(id, code, slot.hall(), slot.group(), service, slot.day(),
				slot.start(), slot.end(), "BOOKED", applicationId, bookedBy));
	}

	/**
	 * Cancels one of the citizen's own appointments; the place is free for others at
	 * once.
	 */
	@Transactional
	public void cancel(OneStopUser citizen, UUID id) {
		// Outside a representative's mandate the appointment is not there.
		BookedAppointment appointment = find(citizen, id);
		AppointmentStore.Cancelled cancelled = store.cancel(id, citizen.username(), clock.instant())
			.orElseThrow(() -> new NotFoundException("appointment.not-found"));
		// The same order as booking (citizen's day, then slot), so a booking and a cancel
		// cannot deadlock.
		store.uncountDay(citizen.username(), cancelled.day());
		slots.giveBackPlace(cancelled.slot());
		actedFor.record(citizen, "acting.what.cancelled", List.of(appointment.bookingCode()), "/appointments");
		events.publishEvent(new AppointmentChanged(citizen.actor(), id, "cancelled"));
	}

	/** Book the new slot and cancel the old appointment, all or nothing. */
	@Transactional
	public BookedAppointment reschedule(OneStopUser citizen, UUID id, long slotId, ContactChannel channel) {
		BookedAppointment old = find(citizen, id);
		if (!"BOOKED".equals(old.status())) {
			throw new NotFoundException("appointment.not-found");
		}
		// Two citizens swapping slots would lock them in opposite orders: lock both,
		// lowest id first.
		slots.lockInOrder(store.slotOf(id), slotId);
		cancel(citizen, id);
		return book(citizen, slotId, old.serviceCode(), old.applicationId(), channel);
	}

	public List<BookedAppointment> mine(OneStopUser citizen) {
		return store.mine(citizen.username()).stream().filter(a -> citizen.mayActOn(a.serviceCode())).toList();
	}

	/**
	 * A citizen's appointments still to come (booked or checked in, today or later),
	 * soonest first.
	 */
	public List<BookedAppointment> upcoming(String citizen) {
		return store.upcoming(citizen, today());
	}

	public BookedAppointment find(OneStopUser citizen, UUID id) {
		return store.find(id, citizen.username())
			.filter(a -> citizen.mayActOn(a.serviceCode()))
			.orElseThrow(() -> new NotFoundException("appointment.not-found"));
	}

	/** Whether online booking is suspended for the citizen now (after three no-shows). */
	public boolean suspended(String citizen) {
		return suspensions.suspended(citizen, clock.instant());
	}

	/**
	 * Ten characters of Crockford base32 (50 bits): short enough to read out, too many to
	 * guess.
	 */
	static String bookingCode() {
		char[] code = new char[10];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

}
