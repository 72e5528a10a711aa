package org.onestop.queue;

import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidRequestException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.UnauthenticatedException;
import org.springframework.stereotype.Service;

/**
 * Who may give out a hall's tickets (a clerk who works there, or a kiosk device
 * registered to it), and the kiosk's side of it: its page, registering a browser as a
 * kiosk, and a ticket taken there by choosing a group.
 */
@Service
class TicketIssuing {

	private final Kiosks kiosks;

	private final Tickets tickets;

	private final Calling calling;

	private final Halls halls;

	private final PlatformProperties properties;

	TicketIssuing(Kiosks kiosks, Tickets tickets, Calling calling, Halls halls, PlatformProperties properties) {
		this.kiosks = kiosks;
		this.tickets = tickets;
		this.calling = calling;
		this.halls = halls;
		this.properties = properties;
	}

	/**
	 * The issuer of a ticket taken over the API: the signed-in person, when a clerk of
	 * the hall (403 otherwise), or else the kiosk whose token came (403 for an unknown
	 * one); 401 with neither.
	 * @param kioskToken the token of a kiosk's {@code Authorization: Kiosk} header, or
	 * null
	 */
	Tickets.Issuer issuer(String hall, OneStopUser user, String kioskToken) {
		if (user != null) {
			calling.clerkAt(user, hall);
			return Tickets.Issuer.clerk(user.username());
		}
		if (kioskToken != null) {
			return kiosks.of(hall, kioskToken)
				.map(Tickets.Issuer::kiosk)
				.orElseThrow(() -> new ForbiddenException("queue.kiosk.unknown"));
		}
		throw new UnauthenticatedException("problem.detail.401");
	}

	/**
	 * The kiosk device holding this token; 404 for an unknown hall, 403 when the token is
	 * not a kiosk's of the hall.
	 */
	UUID kiosk(String hall, String token) {
		halls.layout(hall);
		return kiosks.of(hall, token).orElseThrow(() -> new ForbiddenException("queue.kiosk.unknown"));
	}

	/**
	 * A ticket for the chosen group, with no matter (the citizen chose none), given out
	 * by a kiosk; refused when no group was chosen.
	 */
	TicketView take(String hall, UUID kiosk, String group, String bookingCode, String idNumber, String idLastDigits) {
		HallLayout layout = halls.layout(hall);
		boolean booked = bookingCode != null && !bookingCode.isBlank();
		// With a booking code the appointment says what the visit is for; any group of
		// the hall stands in until then.
		HallLayout.Group chosen = layout.group(group)
			.or(() -> booked ? layout.groups().stream().findFirst() : Optional.empty())
			.filter(g -> !g.serviceCodes().isEmpty())
			.orElseThrow(() -> new InvalidRequestException("queue.kiosk.choose-group"));
		return tickets.takeInGroup(hall, chosen, new TicketRequest(null, bookingCode, idNumber, null, idLastDigits),
				Tickets.Issuer.kiosk(kiosk));
	}

	/**
	 * Registers the browser of a clerk who works at the hall, or of an administrator, as
	 * a kiosk of the hall.
	 */
	Kiosks.Registered registerBrowser(OneStopUser user, String hall) {
		halls.layout(hall);
		if (!mayRegister(user, hall)) {
			throw new ForbiddenException("queue.kiosk.register.forbidden");
		}
		return kiosks.register(hall, "browser kiosk registered by " + user.username(), user.username());
	}

	private boolean mayRegister(OneStopUser user, String hall) {
		return user != null && (user.has(Role.ADMIN) || user.has(Role.CLERK) && halls.worksAt(user.username(), hall));
	}

	/**
	 * The kiosk page: whether this browser is a kiosk of the hall, whether the visitor
	 * may make it one.
	 */
	QueuePages.KioskPage page(String hall, String token, OneStopUser user, UUID ticket, QueuePages.KioskStep step,
			String error) {
		HallLayout layout = halls.layout(hall);
		// Only a ticket of this hall is shown on its kiosk, and without why it has
		// priority.
		TicketView taken = ticket == null ? null
				: tickets.find(ticket).filter(t -> t.hall().equals(hall)).map(TicketView::withoutReason).orElse(null);
		boolean registered = kiosks.of(hall, token).isPresent();
		return new QueuePages.KioskPage(layout, registered, mayRegister(user, hall), taken,
				taken == null ? null : ticketLink(taken.id()), error, step, false, QueuePages.Typed.NONE);
	}

	/** The ticket's live page at the address the public uses. */
	String ticketLink(UUID ticket) {
		return properties.publicUrl().toString().replaceAll("/+$", "") + "/tickets/" + ticket;
	}

}
