package org.onestop.identity;

import java.util.Locale;
import java.util.Optional;

import org.onestop.registry.Accessor;
import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.Registries;
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
	private final Registries registries;
	private final Departments departments;

	AccountController(PopulationRegistry registry, Registries registries, Departments departments) {
		this.registry = registry;
		this.registries = registries;
		this.departments = departments;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal OneStopUser user, Model model, Locale locale) {
		Optional<Resident> resident = registry.read(new ResidentIdNumber(user.idNumber()), Accessor.citizen(user.username()),
				"citizen viewed own record on account page");
		// The citizen's own look at their record is logged too, but is no news to them: show the others.
		var others = registries.accessLog(new ResidentIdNumber(user.idNumber()), 200).stream()
			.filter(a -> a.accessorKind() != Accessor.Kind.CITIZEN).limit(20).toList();
		var log = DataAccessView.of(others, registries, departments, locale);
		model.addAttribute("page", new IdentityPages.AccountPage(user, resident.orElse(null), log));
		return "identity/account";
	}
}
