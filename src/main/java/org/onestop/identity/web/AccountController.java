package org.onestop.identity.web;

import java.util.Locale;

import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.account.AccountChanges;
import org.onestop.registry.Accessor;
import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.Registries;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The citizen's own account page, with what the registry holds about them. */
@Controller
class AccountController {

	private final PopulationRegistry registry;

	private final Registries registries;

	private final Departments departments;

	private final AccountChanges changes;

	AccountController(PopulationRegistry registry, Registries registries, Departments departments,
			AccountChanges changes) {
		this.registry = registry;
		this.registries = registries;
		this.departments = departments;
		this.changes = changes;
	}

	/**
	 * The account page. The ID number is masked unless the citizen asks to see it
	 * ({@code show=id-number}).
	 */
	@GetMapping("/account")
	String account(@AuthenticationPrincipal OneStopUser user, @RequestParam(required = false) String show, Model model,
			Locale locale) {
		ResidentIdNumber idNumber = new ResidentIdNumber(user.idNumber());
		var resident = registry.read(idNumber, Accessor.citizen(user.username()),
				"citizen viewed own record on account page");
		String notice = (String) model.asMap().get(AccountSecurityController.NOTICE);
		model.addAttribute("page",
				IdentityPages.AccountPage
					.of(user, resident, registries.accessLog(idNumber, 200), registries, departments, locale)
					.with(changes.maskedPhone(user.username()), "id-number".equals(show), notice));
		return "identity/account";
	}

}
