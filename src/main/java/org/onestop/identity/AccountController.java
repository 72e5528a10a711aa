package org.onestop.identity;

import java.util.Optional;

import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.Resident;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The citizen's own account page, with what the registry holds about them. */
@Controller
class AccountController {

	private final PopulationRegistry registry;

	AccountController(PopulationRegistry registry) {
		this.registry = registry;
	}


	@GetMapping("/account")
	String account(@AuthenticationPrincipal OneStopUser user, Model model) {
		Optional<Resident> resident = registry.read(new ResidentIdNumber(user.idNumber()), user.username(),
				"citizen viewed own record on account page");
		model.addAttribute("page", new IdentityPages.AccountPage(user, resident.orElse(null)));
		return "identity/account";
	}
}
