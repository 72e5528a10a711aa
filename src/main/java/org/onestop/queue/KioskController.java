package org.onestop.queue;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.LimitExceededException;
import org.onestop.platform.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The kiosk screen. A clerk of the hall (or an administrator) registers the browser once
 * and is signed out at that moment, so that the next person at the kiosk is not them: the
 * device then holds only its token in an HttpOnly cookie (the database keeps its hash),
 * and citizens need no account.
 */
@Controller
class KioskController {

	static final String COOKIE = "onestop-kiosk";

	private final TicketIssuing issuing;

	KioskController(TicketIssuing issuing) {
		this.issuing = issuing;
	}

	@GetMapping("/halls/{hall}/kiosk")
	String kiosk(@PathVariable String hall, @RequestParam(required = false) UUID ticket,
			@RequestParam(required = false) String step, @RequestParam(required = false) String registered,
			@CookieValue(name = COOKIE, required = false) String token, @AuthenticationPrincipal OneStopUser user,
			Model model) {
		return page(issuing.page(hall, token, user, ticket, QueuePages.KioskStep.of(step), null)
			.justRegistered(registered != null), model);
	}

	@PostMapping("/halls/{hall}/kiosk")
	String take(@PathVariable String hall, @RequestParam(defaultValue = "") String group,
			@RequestParam(required = false) String step, @RequestParam(required = false) String bookingCode,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String idLastDigits,
			@CookieValue(name = COOKIE, required = false) String token, @AuthenticationPrincipal OneStopUser user,
			HttpServletResponse response, Model model) {
		UUID kiosk = issuing.kiosk(hall, token);
		try {
			TicketView ticket = issuing.take(hall, kiosk, group, bookingCode, idNumber, idLastDigits);
			return "redirect:/halls/" + hall + "/kiosk?ticket=" + ticket.id();
		}
		catch (ProblemException ex) {
			if (ex instanceof LimitExceededException) {
				// A device over its limit is refused as such (whoever watches the kiosks
				// sees it); other problems are answers to the person at the kiosk.
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			}
			return page(issuing.page(hall, token, user, null, QueuePages.KioskStep.of(step), ex.detailKey())
				.typed(bookingCode, idNumber, idLastDigits), model);
		}
	}

	/**
	 * Asks the signed-in clerk to confirm; reached through sign-in, which brings them
	 * back here.
	 */
	@GetMapping("/halls/{hall}/kiosk/register")
	String confirm(@PathVariable String hall, @CookieValue(name = COOKIE, required = false) String token,
			@AuthenticationPrincipal OneStopUser user, Model model) {
		return page(issuing.page(hall, token, user, null, QueuePages.KioskStep.REGISTER, null), model);
	}

	@PostMapping("/halls/{hall}/kiosk/register")
	String register(@PathVariable String hall, @AuthenticationPrincipal OneStopUser user, HttpServletRequest request,
			HttpServletResponse response) {
		Kiosks.Registered kiosk = issuing.registerBrowser(user, hall);
		ResponseCookie cookie = ResponseCookie.from(COOKIE, kiosk.token())
			.path("/halls/" + hall + "/kiosk")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.maxAge(Duration.ofDays(365))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		// The kiosk is a public device from now on: whoever set it up must not stay
		// signed in on it.
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
		return "redirect:/halls/" + hall + "/kiosk?registered=true";
	}

	private static String page(QueuePages.KioskPage page, Model model) {
		model.addAttribute("page", page);
		return "queue/kiosk";
	}

}
