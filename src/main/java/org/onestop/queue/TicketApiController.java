package org.onestop.queue;

import java.util.UUID;

import jakarta.validation.Valid;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets over the API. Taking one is open to a clerk of the hall (bearer token) or a
 * kiosk registered to it ({@code Authorization: Kiosk <token>}); reading one needs only
 * its unguessable id.
 */
@RestController
class TicketApiController {

	static final String KIOSK = "Kiosk ";

	private final Tickets tickets;

	private final TicketIssuing issuing;

	TicketApiController(Tickets tickets, TicketIssuing issuing) {
		this.tickets = tickets;
		this.issuing = issuing;
	}

	@PostMapping("/api/v1/halls/{hall}/tickets")
	@ResponseStatus(HttpStatus.CREATED)
	TicketView take(@PathVariable String hall, @Valid @RequestBody TicketRequest request,
			@AuthenticationPrincipal OneStopUser user,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return tickets.take(hall, request, issuing.issuer(hall, user, kioskToken(authorization)));
	}

	@GetMapping("/api/v1/tickets/{id}")
	TicketView ticket(@PathVariable UUID id) {
		return tickets.find(id)
			.map(TicketView::withoutReason)
			.orElseThrow(() -> new NotFoundException("queue.ticket.not-found"));
	}

	/**
	 * The token of an {@code Authorization: Kiosk <token>} header; null for any other
	 * header or none.
	 */
	private static String kioskToken(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, KIOSK, 0, KIOSK.length())
				? authorization.substring(KIOSK.length()) : null;
	}

}
