package org.onestop.queue;

import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidRequestException;
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

	TicketIssuing(Kiosks kiosks, Tickets tickets, Calling calling, Halls halls) {
		this.kiosks = kiosks;
		this.tickets = tickets;
		this.calling = calling;
		this.halls = halls;
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
		HallLayout.Group chosen = halls.layout(hall)
			.group(group)
			.filter(g -> !g.serviceCodes().isEmpty())
			.orElseThrow(() -> new InvalidRequestException("queue.kiosk.choose-group"));
		return tickets.takeInGroup(hall, chosen, new TicketRequest(null, bookingCode, idNumber, null, idLastDigits),
				Tickets.Issuer.kiosk(kiosk));
	}

	/** Registers the clerk's browser as a kiosk of the hall where they work. */
	Kiosks.Registered registerBrowser(OneStopUser clerk, String hall) {
		calling.clerkAt(clerk, hall);
		return kiosks.register(hall, "browser kiosk registered by " + clerk.username(), clerk.username());
	}

	/**
	 * The kiosk page: whether this browser is a kiosk of the hall, whether the visitor
	 * may make it one.
	 */
	QueuePages.KioskPage page(String hall, String token, OneStopUser user, UUID ticket, String error) {
		HallLayout layout = halls.layout(hall);
		TicketView taken = ticket == null ? null : tickets.find(ticket).orElse(null);
		boolean registered = kiosks.of(hall, token).isPresent();
		boolean mayRegister = user != null && user.staff() && halls.worksAt(user.username(), hall);
		return new QueuePages.KioskPage(layout, registered, mayRegister, taken, error);
	}

}
