package org.onestop.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.account.PasswordReset;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A forgotten password on the web: the username or phone number, then the code texted to
 * the verified phone with the new password.
 */
@Controller
class ForgotPasswordController {

	private final PasswordReset reset;

	ForgotPasswordController(PasswordReset reset) {
		this.reset = reset;
	}

	@GetMapping("/sign-in/forgot")
	String form(@RequestParam(required = false) String identifier, Model model) {
		model.addAttribute("page", AccountPages.ForgotPage.ask(identifier));
		return "identity/forgot-password";
	}

	@PostMapping("/sign-in/forgot")
	String requestCode(@RequestParam(required = false) String identifier, HttpServletRequest request, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			reset.requestCode(identifier, request.getRemoteAddr());
			model.addAttribute("page", AccountPages.ForgotPage.codeSent(identifier));
		}
		catch (ProblemException ex) {
			model.addAttribute("page",
					AccountPages.ForgotPage.refused(identifier, false, shell.errors(ex, "identifier")));
		}
		return "identity/forgot-password";
	}

	@PostMapping("/sign-in/forgot/confirm")
	String confirm(@RequestParam(required = false) String identifier, @RequestParam(required = false) String code,
			@RequestParam(required = false) String password, HttpServletRequest request, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			reset.confirm(identifier, code, password, request.getRemoteAddr());
			return "redirect:/sign-in/reset-done";
		}
		catch (ProblemException ex) {
			model.addAttribute("page", AccountPages.ForgotPage.refused(identifier, true, shell.errors(ex, "code")));
			return "identity/forgot-password";
		}
	}

	@GetMapping("/sign-in/reset-done")
	String resetDone(Model model) {
		model.addAttribute("page", new AccountPages.DonePage("identity.reset.done.title", "identity.reset.done.text"));
		return "identity/account-done";
	}

	@GetMapping("/sign-in/signed-out-everywhere")
	String signedOutEverywhere(Model model) {
		model.addAttribute("page",
				new AccountPages.DonePage("identity.everywhere.done.title", "identity.everywhere.done.text"));
		return "identity/account-done";
	}

}
