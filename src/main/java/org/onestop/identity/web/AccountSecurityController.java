package org.onestop.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.account.AccountChanges;
import org.onestop.identity.account.Phones;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in citizen's password, verified phone and sign-out everywhere, from the
 * account page.
 */
@Controller
class AccountSecurityController {

	static final String NOTICE = "accountNotice";

	private final AccountChanges changes;

	AccountSecurityController(AccountChanges changes) {
		this.changes = changes;
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("page", new AccountPages.PasswordPage(Map.of()));
		return "identity/account-password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal OneStopUser user,
			@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String password,
			HttpServletRequest request, Model model, @ModelAttribute("shell") Shell shell,
			RedirectAttributes redirect) {
		try {
			HttpSession session = request.getSession(false);
			changes.changePassword(user.username(), currentPassword, password, session == null ? null : session.getId(),
					request.getRemoteAddr());
			redirect.addFlashAttribute(NOTICE, "identity.password.changed");
			return "redirect:/account#security";
		}
		catch (ProblemException ex) {
			model.addAttribute("page", new AccountPages.PasswordPage(shell.errors(ex, "currentPassword")));
			return "identity/account-password";
		}
	}

	@GetMapping("/account/phone")
	String phoneForm(@AuthenticationPrincipal OneStopUser user, Model model) {
		model.addAttribute("page",
				new AccountPages.PhonePage(changes.maskedPhone(user.username()), "", false, Map.of()));
		return "identity/account-phone";
	}

	@PostMapping("/account/phone")
	String requestPhoneChange(@AuthenticationPrincipal OneStopUser user,
			@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String phone,
			HttpServletRequest request, Model model, @ModelAttribute("shell") Shell shell) {
		String current = changes.maskedPhone(user.username());
		try {
			changes.requestPhoneChange(user.username(), currentPassword, phone, request.getRemoteAddr());
			model.addAttribute("page", new AccountPages.PhonePage(current,
					Phones.mobile(phone).map(Phones::masked).orElse(""), true, Map.of()));
		}
		catch (ProblemException ex) {
			model.addAttribute("page",
					new AccountPages.PhonePage(current, phone == null ? "" : phone, false, shell.errors(ex, "phone")));
		}
		return "identity/account-phone";
	}

	@PostMapping("/account/phone/confirm")
	String confirmPhoneChange(@AuthenticationPrincipal OneStopUser user, @RequestParam(required = false) String code,
			HttpServletRequest request, Model model, @ModelAttribute("shell") Shell shell,
			RedirectAttributes redirect) {
		try {
			changes.confirmPhoneChange(user.username(), code, request.getRemoteAddr());
			redirect.addFlashAttribute(NOTICE, "identity.phone.changed");
			return "redirect:/account#security";
		}
		catch (ProblemException ex) {
			model.addAttribute("page", new AccountPages.PhonePage(changes.maskedPhone(user.username()), "", true,
					shell.errors(ex, "code")));
			return "identity/account-phone";
		}
	}

	/**
	 * Ends every session in the shared database, this one too; this node forgets the
	 * signed-in person at once.
	 */
	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal OneStopUser user, HttpServletRequest request) {
		changes.signOutEverywhere(user.username(), request.getRemoteAddr());
		HttpSession session = request.getSession(false);
		if (session != null) {
			try {
				session.invalidate();
			}
			catch (IllegalStateException alreadyEnded) {
				// Deleted from the repository a moment ago: nothing left to end.
			}
		}
		SecurityContextHolder.clearContext();
		return "redirect:/sign-in/signed-out-everywhere";
	}

}
