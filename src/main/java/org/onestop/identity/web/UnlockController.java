package org.onestop.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.signin.SignIn;
import org.onestop.identity.signin.SignInUnlocking;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Unlocking one's own sign-in on the web: the username, then the code texted to the
 * verified phone.
 */
@Controller
class UnlockController {

	private final SignInUnlocking unlocking;

	UnlockController(SignInUnlocking unlocking) {
		this.unlocking = unlocking;
	}

	@GetMapping("/sign-in/unlock")
	String form(@RequestParam(required = false) String username, Model model) {
		model.addAttribute("page", IdentityPages.UnlockPage.askUsername(username));
		return "identity/unlock";
	}

	@PostMapping("/sign-in/unlock")
	String requestCode(@RequestParam(required = false) String username, HttpServletRequest request, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			unlocking.requestCode(username, request.getRemoteAddr());
			model.addAttribute("page", IdentityPages.UnlockPage.codeSent(username));
		}
		catch (ProblemException ex) {
			model.addAttribute("page",
					IdentityPages.UnlockPage.usernameRefused(username, shell.errors(ex, "username")));
		}
		return "identity/unlock";
	}

	@PostMapping("/sign-in/unlock/confirm")
	String confirm(@RequestParam(required = false) String username, @RequestParam(required = false) String code,
			HttpServletRequest request, Model model, @ModelAttribute("shell") Shell shell,
			RedirectAttributes redirect) {
		try {
			unlocking.confirm(username, code, request.getRemoteAddr());
			redirect.addFlashAttribute("unlockedUsername", SignIn.normalise(username));
			return "redirect:/sign-in";
		}
		catch (ProblemException ex) {
			model.addAttribute("page", IdentityPages.UnlockPage.codeRefused(username, shell.errors(ex, "code")));
			return "identity/unlock";
		}
	}

}
