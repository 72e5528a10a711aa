package org.onestop.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.registration.CitizenRegistration;
import org.onestop.identity.registration.RegistrationConfirmation;
import org.onestop.identity.registration.RegistrationForm;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-registration on the web, in the API's two steps: name and ID number, then the
 * texted code and a password. Every faulty field is named beside the field, all at once.
 */
@Controller
class RegisterController {

	private final CitizenRegistration registration;

	RegisterController(CitizenRegistration registration) {
		this.registration = registration;
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("page", IdentityPages.RegisterPage.blank());
		return "identity/register";
	}

	@PostMapping("/register")
	String requestCode(RegistrationForm form, HttpServletRequest request, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			registration.requestCode(form, request.getRemoteAddr());
			// Rendered, not redirected: a redirect would need a session to carry the ID
			// number.
			model.addAttribute("page", IdentityPages.RegisterConfirmPage.codeSent(form.idNumber()));
			return "identity/register-confirm";
		}
		catch (ProblemException ex) {
			model.addAttribute("page", new IdentityPages.RegisterPage(form, shell.errors(ex, "idNumber")));
			return "identity/register";
		}
	}

	@GetMapping("/register/confirm")
	String confirmForm(Model model) {
		model.addAttribute("page", IdentityPages.RegisterConfirmPage.blank());
		return "identity/register-confirm";
	}

	@PostMapping("/register/confirm")
	String confirm(RegistrationConfirmation form, HttpServletRequest request, Model model,
			@ModelAttribute("shell") Shell shell, RedirectAttributes redirect) {
		try {
			String username = registration.confirm(form, request.getRemoteAddr());
			redirect.addFlashAttribute("registeredUsername", username);
			return "redirect:/sign-in";
		}
		catch (ProblemException ex) {
			model.addAttribute("page", IdentityPages.RegisterConfirmPage.refused(form, shell.errors(ex, "code")));
			return "identity/register-confirm";
		}
	}

}
