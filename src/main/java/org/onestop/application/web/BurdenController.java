package org.onestop.application.web;

import java.util.Map;

import org.onestop.application.Burden;
import org.onestop.application.ChannelSplit;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff page of the burden figures per channel: a period (and, for administrators and
 * auditors, a department), two tables that turn into cards on a phone.
 */
@Controller
class BurdenController {

	private final Burden burden;

	private final Departments departments;

	BurdenController(Burden burden, Departments departments) {
		this.burden = burden;
		this.departments = departments;
	}

	@GetMapping("/staff/burden")
	@PreAuthorize("hasAnyRole('DEPARTMENT_HEAD', 'ADMIN', 'AUDITOR')")
	String burden(@AuthenticationPrincipal OneStopUser staff, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String department, Model model,
			@ModelAttribute("shell") Shell shell) {
		ChannelSplit split;
		Map<String, String> errors = Map.of();
		try {
			split = burden.byChannel(staff, BurdenApiController.day(from, "from"), BurdenApiController.day(to, "to"),
					department);
		}
		catch (ProblemException refused) {
			if (refused.fields().isEmpty()) {
				throw refused;
			}
			errors = shell.errors(refused, "from");
			split = burden.byChannel(staff, null, null, null);
		}
		boolean city = staff.has(Role.ADMIN) || staff.has(Role.AUDITOR);
		model.addAttribute("page", BurdenPages.BurdenPage.of(split, city ? departments.names(shell.locale()) : Map.of(),
				departments.names(shell.locale()), errors, shell));
		return "application/burden";
	}

}
