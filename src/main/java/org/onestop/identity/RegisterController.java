package org.onestop.identity;

import java.util.Map;

import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Self-registration on the web: every faulty field is named beside the field, all at once. */
@Controller
class RegisterController {

	private final CitizenRegistration registration;

	RegisterController(CitizenRegistration registration) {
		this.registration = registration;
	}


	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("page", new IdentityPages.RegisterPage(RegistrationForm.empty(), Map.of()));
		return "identity/register";
	}

	@PostMapping("/register")
	String register(RegistrationForm form, jakarta.servlet.http.HttpServletRequest request, Model model, @ModelAttribute("shell") Shell shell,
			RedirectAttributes redirect) {
		try {
			String username = registration.register(form, request.getRemoteAddr());
			redirect.addFlashAttribute("registeredUsername", username);
			return "redirect:/sign-in";
		}
		catch (ProblemException ex) {
			Map<String, String> errors = shell.errors(ex);
			if (errors.isEmpty()) {
				errors.put("idNumber", shell.t(ex.detailKey(), ex.args()));
			}
			RegistrationForm kept = new RegistrationForm(form.name(), form.idNumber(), form.phone(), "");
			model.addAttribute("page", new IdentityPages.RegisterPage(kept, errors));
			return "identity/register";
		}
	}
}
