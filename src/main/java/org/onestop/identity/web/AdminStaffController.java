package org.onestop.identity.web;

import java.security.Principal;
import java.util.Map;

import org.onestop.identity.Departments;
import org.onestop.identity.signin.SignIn;
import org.onestop.identity.signin.SignInUnlocking;
import org.onestop.identity.staff.StaffAdministration;
import org.onestop.identity.staff.StaffForm;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators list staff accounts and create new ones. */
@Controller
class AdminStaffController {

	/** The id of the page's free-text unlock field, which posts as {@code username}. */
	static final String UNLOCK_FIELD = "unlock-username";

	private final StaffAdministration administration;

	private final Departments departments;

	private final SignInUnlocking unlocking;

	AdminStaffController(StaffAdministration administration, Departments departments, SignInUnlocking unlocking) {
		this.administration = administration;
		this.departments = departments;
		this.unlocking = unlocking;
	}

	@GetMapping("/admin/staff")
	String list(@RequestParam(required = false) String created, @RequestParam(required = false) String unlocked,
			Model model) {
		model.addAttribute("page", page(IdentityPages.AdminStaffPage.blankForm(), Map.of(), created, unlocked));
		return "identity/admin-staff";
	}

	@PostMapping("/admin/staff")
	String create(StaffForm form, Principal admin, Model model, @ModelAttribute("shell") Shell shell) {
		try {
			administration.create(admin.getName(), form);
			return "redirect:/admin/staff?created=" + form.username();
		}
		catch (ProblemException ex) {
			Map<String, String> errors = shell.errors(ex, "username");
			model.addAttribute("page", page(IdentityPages.AdminStaffPage.kept(form), errors, null, null));
			return "identity/admin-staff";
		}
	}

	/**
	 * Lifts every sign-in lock of a username (staff or citizen, listed or typed, existing
	 * or not), audited. The list shows only the first 500, so the field takes any
	 * username.
	 */
	@PostMapping("/admin/staff/unlock")
	String unlock(@RequestParam(required = false) String username, Principal admin, Model model,
			@ModelAttribute("shell") Shell shell) {
		try {
			unlocking.unlock(admin.getName(), username);
			return "redirect:/admin/staff?unlocked=" + shell.encode(SignIn.normalise(username));
		}
		catch (ProblemException ex) {
			model.addAttribute("page", page(IdentityPages.AdminStaffPage.blankForm(),
					Map.of(UNLOCK_FIELD, shell.message(ex)), null, null));
			return "identity/admin-staff";
		}
	}

	private IdentityPages.AdminStaffPage page(StaffForm form, Map<String, String> errors, String created,
			String unlocked) {
		return new IdentityPages.AdminStaffPage(administration.list(), departments.all(), form, errors, created,
				unlocking.locks(), unlocked);
	}

}
