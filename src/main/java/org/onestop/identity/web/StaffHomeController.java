package org.onestop.identity.web;

import java.util.Locale;

import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff member's start page: who they are, their department and what their roles let
 * them do.
 */
@Controller
class StaffHomeController {

	private final Departments departments;

	StaffHomeController(Departments departments) {
		this.departments = departments;
	}

	@GetMapping("/staff")
	String home(@AuthenticationPrincipal OneStopUser user, Model model, Locale locale) {
		model.addAttribute("page", IdentityPages.StaffHomePage.of(user, departments, locale));
		return "identity/staff-home";
	}

}
