package org.onestop.queue;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.onestop.platform.LimitExceededException;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.ForbiddenException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The kiosk page. A clerk of the hall registers the browser once: it then holds a device token in an HttpOnly
 * cookie (only its hash is stored), and works without anyone signed in; citizens need no account.
 */
@Controller
class KioskController {

	static final String COOKIE = "onestop-kiosk";

	private final Kiosks kiosks;
	private final Tickets tickets;
	private final Calling calling;
	private final Halls halls;

	KioskController(Kiosks kiosks, Tickets tickets, Calling calling, Halls halls) {
		this.kiosks = kiosks;
		this.tickets = tickets;
		this.calling = calling;
		this.halls = halls;
	}

	@GetMapping("/halls/{hall}/kiosk")
	String kiosk(@PathVariable String hall, @RequestParam(required = false) UUID ticket,
			@CookieValue(name = COOKIE, required = false) String token, @AuthenticationPrincipal OneStopUser user,
			Model model) {
		return page(hall, token, user, ticket == null ? null : tickets.find(ticket).orElse(null), null, model);
	}

	@PostMapping("/halls/{hall}/kiosk")
	String take(@PathVariable String hall, @RequestParam(defaultValue = "") String group,
			@RequestParam(required = false) String bookingCode, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String idLastDigits,
			@CookieValue(name = COOKIE, required = false) String token, @AuthenticationPrincipal OneStopUser user,
			HttpServletResponse response, Model model) {
		HallLayout layout = halls.layout(hall);
		UUID kiosk = kiosks.of(hall, token).orElseThrow(() -> new ForbiddenException("queue.kiosk.unknown"));
		HallLayout.Group chosen = layout.group(group).filter(g -> !g.serviceCodes().isEmpty()).orElse(null);
		if (chosen == null) {
			return page(hall, token, user, null, "queue.kiosk.choose-group", model);
		}
		try {
			TicketView ticket = tickets.take(hall, new TicketRequest(chosen.serviceCodes().get(0), bookingCode, idNumber, null,
					idLastDigits),
					Tickets.Issuer.kiosk(kiosk));
			return "redirect:/halls/" + hall + "/kiosk?ticket=" + ticket.id();
		}
		catch (ProblemException ex) {
			if (ex instanceof LimitExceededException) {
				// A device over its limit is refused as such (whoever watches the kiosks sees it); other problems are
				// answers to the person at the kiosk.
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			}
			return page(hall, token, user, null, ex.detailKey(), model);
		}
	}

	@PostMapping("/halls/{hall}/kiosk/register")
	String register(@PathVariable String hall, @AuthenticationPrincipal OneStopUser user, HttpServletRequest request,
			HttpServletResponse response) {
		calling.clerkAt(user, hall);
		Kiosks.Registered kiosk = kiosks.register(hall, "browser kiosk registered by " + user.username(), user.username());
		ResponseCookie cookie = ResponseCookie.from(COOKIE, kiosk.token()).path("/halls/" + hall + "/kiosk").httpOnly(true)
			.secure(request.isSecure()).sameSite("Strict").maxAge(Duration.ofDays(365)).build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return "redirect:/halls/" + hall + "/kiosk";
	}

	private String page(String hall, String token, OneStopUser user, TicketView ticket, String error, Model model) {
		HallLayout layout = halls.layout(hall);
		boolean registered = kiosks.of(hall, token).isPresent();
		boolean mayRegister = user != null && user.staff() && halls.worksAt(user.username(), hall);
		model.addAttribute("page", new QueuePages.KioskPage(layout, registered, mayRegister, ticket, error));
		return "queue/kiosk";
	}
}
