package org.onestop.identity.web;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.onestop.platform.PlatformProperties;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

	private final ZoneId zone;

	SignInController(PlatformProperties properties) {
		this.zone = properties.timeZone();
	}

	@GetMapping("/sign-in")
	String signIn(HttpServletRequest request, Model model, @ModelAttribute("shell") Shell shell) {
		// Only a failed attempt has a session to read; a plain visit must not create one.
		HttpSession session = request.getSession(false);
		Object failure = session == null ? null : session.getAttribute(SignInPageHandlers.FAILURE);
		if (session != null) {
			session.removeAttribute(SignInPageHandlers.FAILURE);
		}
		String registered = (String) model.asMap().get("registeredUsername");
		String unlocked = (String) model.asMap().get("unlockedUsername");
		model.addAttribute("page", IdentityPages.SignInPage
			.of(failure instanceof SignInPageHandlers.Failure f ? f : null, registered, unlocked, shell, zone));
		return "identity/sign-in";
	}

}
