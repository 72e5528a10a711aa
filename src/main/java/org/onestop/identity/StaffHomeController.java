package org.onestop.identity;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff member's start page: who they are, their department and what their roles let them do. */
@Controller
class StaffHomeController {

	private final Departments departments;

	StaffHomeController(Departments departments) {
		this.departments = departments;
	}

	@GetMapping("/staff")
	String home(@AuthenticationPrincipal OneStopUser user, Model model, Locale locale) {
		String department = departments.byCode(user.departmentCode()).map(d -> d.name(locale)).orElse("");
		model.addAttribute("page", new IdentityPages.StaffHomePage(user, department));
		return "identity/staff-home";
	}
}
