package org.onestop.identity.web;

import java.util.Locale;

import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.registry.Accessor;
import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.Registries;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The citizen's own account page, with what the registry holds about them. */
@Controller
class AccountController {

	private final PopulationRegistry registry;

	private final Registries registries;

	private final Departments departments;

	AccountController(PopulationRegistry registry, Registries registries, Departments departments) {
		this.registry = registry;
		this.registries = registries;
		this.departments = departments;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal OneStopUser user, Model model, Locale locale) {
		ResidentIdNumber idNumber = new ResidentIdNumber(user.idNumber());
		var resident = registry.read(idNumber, Accessor.citizen(user.username()),
				"citizen viewed own record on account page");
		model.addAttribute("page", IdentityPages.AccountPage.of(user, resident, registries.accessLog(idNumber, 200),
				registries, departments, locale));
		return "identity/account";
	}

}
