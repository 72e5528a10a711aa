package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.Appointments;
import org.onestop.appointment.CheckedIn;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.CitizenAccounts;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidRequestException;
import org.onestop.platform.NotFoundException;
import org.onestop.registry.PopulationRegistry;
import org.onestop.shared.ContactChannel;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives out tickets: a checked-in appointment's, or a walk-in's — always, even when every
 * online place of the day is booked. Numbers run per hall, group and day (A001, A002, …)
 * from a counter row raised in one statement.
 */
@Service
class Tickets {

	static final Duration EARLY = Duration.ofMinutes(15);
	static final int AGE_PRIORITY = 70;

	private final TicketStore store;

	private final Halls halls;

	private final Appointments appointments;

	private final HallVersions versions;

	private final TicketReader reader;

	private final PopulationRegistry registry;

	private final KioskAllowance allowance;

	private final CitizenAccounts accounts;

	private final Clock clock;

	Tickets(TicketStore store, Halls halls, Appointments appointments, HallVersions versions, TicketReader reader,
			PopulationRegistry registry, KioskAllowance allowance, CitizenAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.halls = halls;
		this.appointments = appointments;
		this.versions = versions;
		this.reader = reader;
		this.registry = registry;
		this.allowance = allowance;
		this.clock = clock;
	}

	/**
	 * Who gives the ticket out: a clerk of the hall (who sees ID cards and may grant
	 * priority), or a kiosk device.
	 *
	 * @param kiosk the kiosk device, null for a clerk
	 * @param channel the channel the ticket is recorded under: COUNTER for a clerk's,
	 * KIOSK for a kiosk's
	 */
	public record Issuer(String name, boolean clerk, UUID kiosk, ContactChannel channel) {

		public static Issuer clerk(String username) {
			return new Issuer(username, true, null, ContactChannel.COUNTER);
		}

		public static Issuer kiosk(UUID device) {
			return new Issuer("kiosk:" + device, false, device, ContactChannel.KIOSK);
		}
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock);
	}

	@Transactional
	public TicketView take(String hall, TicketRequest request, Issuer issuer) {
		HallLayout layout = halls.layout(hall);
		String serviceCode = request.serviceCode().strip();
		HallLayout.Group group = layout.groupOf(serviceCode)
			.orElseThrow(() -> new InvalidInputException("serviceCode", "queue.ticket.service.unknown"));
		return issue(hall, layout, group, serviceCode, request, issuer);
	}

	/**
	 * A ticket for a group of the hall with no matter chosen, as a kiosk gives out: the
	 * ticket names no matter (the request's {@code serviceCode} is ignored) and the
	 * counter asks what the citizen comes for.
	 */
	@Transactional
	public TicketView takeInGroup(String hall, HallLayout.Group group, TicketRequest request, Issuer issuer) {
		return issue(hall, halls.layout(hall), group, null, request, issuer);
	}

	/**
	 * Issues the ticket: checks an appointment in when a code comes with it.
	 * @param serviceCode the matter chosen, or null when none was
	 */
	private TicketView issue(String hall, HallLayout layout, HallLayout.Group group, String serviceCode,
			TicketRequest request, Issuer issuer) {
		String idNumber = blankToNull(request.idNumber());
		if (idNumber != null && ResidentIdNumber.check(idNumber).isPresent()) {
			throw new InvalidInputException("idNumber", "queue.ticket.id-number.invalid");
		}
		String bookingCode = blankToNull(request.bookingCode());
		String priority = priority(hall, idNumber, blankToNull(request.priorityReason()), issuer);
		if (issuer.kiosk() != null) {
			allowance.take(issuer.kiosk());
		}
		versions.bump(hall);
		String suffix = blankToNull(request.idLastDigits());
		if (!issuer.clerk() && bookingCode != null && (suffix == null || suffix.strip().length() != 4)) {
			// A kiosk has nobody to look at an ID card: the code must come with the
			// holder's last ID characters.
			throw new InvalidRequestException("queue.ticket.id-last-digits.required");
		}
		// At a kiosk an ID number alone does not check in an appointment (anyone can type
		// one); a clerk sees the card.
		Optional<CheckedIn> appointment = bookingCode == null && (idNumber == null || !issuer.clerk())
				? Optional.empty() : appointments.checkIn(hall, bookingCode, issuer.clerk() ? idNumber : null,
						serviceCode, issuer.clerk() ? null : suffix);
		if (bookingCode != null && appointment.isEmpty()) {
			// A double tap, or the citizen trying again after a lost slip: the same
			// ticket, not a second one. The hall's
			// version row, raised above, makes a concurrent twin wait for the first tap's
			// commit and land here.
			return appointments.checkedInToday(hall, bookingCode, issuer.clerk() ? null : suffix)
				.flatMap(store::ofAppointment)
				.flatMap(ticket -> reader.view(ticket, layout))
				.orElseThrow(() -> new NotFoundException("queue.ticket.booking.not-found"));
		}
		String groupCode = appointment.map(CheckedIn::groupCode).orElse(group.code());
		if (appointment.isPresent() && priority == null) {
			priority = priority(hall, appointment.get().idNumber(), null, issuer);
		}
		LocalDate day = today(clock);
		int n = store.nextNumber(hall, groupCode, day);
		UUID id = UUID.randomUUID();
		store.add(new TicketStore.NewTicket(id, hall, day, groupCode, "%s%03d".formatted(groupCode, n),
				appointment.map(CheckedIn::serviceCode).orElse(serviceCode),
				appointment.isPresent() ? "APPOINTMENT" : "WALK_IN", priority,
				appointment.map(CheckedIn::appointmentId).orElse(null),
				appointment.map(CheckedIn::applicationId).orElse(null),
				appointment.map(CheckedIn::citizen).orElseGet(() -> holder(idNumber, issuer)),
				appointment.map(a -> a.slotStart().minus(EARLY)).orElse(null),
				appointment.map(CheckedIn::slotEnd).orElse(null), clock.instant(), issuer.name(), issuer.channel()));
		return reader.view(id, layout).orElseThrow();
	}

	/**
	 * The ticket with its live position and estimate; anyone holding its id may read it.
	 */
	public Optional<TicketView> find(UUID id) {
		return reader.hallOf(id).flatMap(hall -> reader.view(id, halls.layout(hall)));
	}

	/**
	 * Whose walk-in ticket it is: the account of the ID number a clerk typed from the
	 * card they saw, so that the citizen is told when called and invited to rate the
	 * visit (issue 17). A kiosk's typed number proves nothing (anyone can type one), and
	 * a resident with no account stays a walk-in nobody knows.
	 */
	private String holder(String idNumber, Issuer issuer) {
		if (idNumber == null || !issuer.clerk()) {
			return null;
		}
		return accounts.usernameOf(ResidentIdNumber.parse(idNumber)).orElse(null);
	}

	private String priority(String hall, String idNumber, String reason, Issuer issuer) {
		if (idNumber != null && elder(ResidentIdNumber.parse(idNumber), issuer)) {
			return "AGE_70";
		}
		if (reason == null) {
			return null;
		}
		if (!issuer.clerk()) {
			throw new ForbiddenException("queue.ticket.priority.clerk-only");
		}
		String code = reason.strip().toUpperCase();
		boolean known = "DISABILITY".equals(code) || store.isPriorityGroup(hall, code);
		if (!known) {
			throw new InvalidInputException("priorityReason", "queue.ticket.priority.unknown");
		}
		return code;
	}

	/**
	 * 70 or over: a clerk sees the ID card, so the birth date in the number counts. At a
	 * kiosk anyone can type any valid-looking number, so only a person the population
	 * registry knows to be 70 or over is; an unknown number still gets a plain ticket, as
	 * someone standing in the hall must get a number.
	 */
	private boolean elder(ResidentIdNumber idNumber, Issuer issuer) {
		LocalDate today = today(clock);
		if (idNumber.birthDate().plusYears(AGE_PRIORITY).isAfter(today)) {
			return false;
		}
		return issuer.clerk() || registry.agedAtLeast(idNumber, AGE_PRIORITY, today);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
