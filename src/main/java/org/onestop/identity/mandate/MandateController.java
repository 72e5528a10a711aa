package org.onestop.identity.mandate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.LimitExceededException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.identity.mandate.MandatePages.GrantForm;
import org.onestop.identity.mandate.MandatePages.MandatesPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's mandates page: grant, revoke, see what was received, and start or stop
 * acting for someone. Acting is a choice kept in the web session; the request filter
 * checks it again on every request.
 */
@Controller
class MandateController {

	static final String NOTICE = "mandateNotice";

	private final Mandates mandates;

	private final Acting acting;

	private final MandatePageModels models;

	MandateController(Mandates mandates, Acting acting, MandatePageModels models) {
		this.mandates = mandates;
		this.acting = acting;
		this.models = models;
	}

	@GetMapping("/account/mandates")
	String page(@AuthenticationPrincipal OneStopUser user, Model model, Locale locale) {
		String notice = (String) model.asMap().get(NOTICE);
		model.addAttribute("page", models.page(user, GrantForm.empty(), Map.of(), notice, locale));
		return "identity/mandates";
	}

	@PostMapping("/account/mandates")
	String grant(@AuthenticationPrincipal OneStopUser user,
			@RequestParam(defaultValue = "") String representativeIdNumber,
			@RequestParam(defaultValue = "") String representativeName,
			@RequestParam(defaultValue = "all") String scope, @RequestParam(required = false) List<String> serviceCodes,
			@RequestParam(defaultValue = "") String until, Model model, @ModelAttribute("shell") Shell shell,
			Locale locale, RedirectAttributes redirect) {
		boolean all = !"chosen".equals(scope);
		List<String> codes = serviceCodes == null ? List.of() : serviceCodes;
		GrantForm form = new GrantForm(representativeIdNumber, representativeName, all, codes, until);
		try {
			if (!all && codes.isEmpty()) {
				throw new MandateRefused(
						List.of(new ProblemException.FieldProblem("serviceCodes", "mandate.service-codes.none")));
			}
			mandates.grant(user, new Mandates.Grant(representativeIdNumber, representativeName, all ? List.of() : codes,
					date(until)));
		}
		catch (MandateRefused refused) {
			model.addAttribute("page", models.page(user, form, shell.errors(refused), null, locale));
			return "identity/mandates";
		}
		catch (LimitExceededException tooMany) {
			MandateRefused refused = new MandateRefused(List.of(new ProblemException.FieldProblem(
					"representativeIdNumber", "mandate.too-many-refused", MandateRefusals.MAX_REFUSED)));
			model.addAttribute("page", models.page(user, form, shell.errors(refused), null, locale));
			return "identity/mandates";
		}
		redirect.addFlashAttribute(NOTICE, "mandate.page.notice.granted");
		return "redirect:/account/mandates";
	}

	@PostMapping("/account/mandates/{id}/revoke")
	String revoke(@AuthenticationPrincipal OneStopUser user, @PathVariable String id, RedirectAttributes redirect) {
		mandates.revoke(user, id);
		redirect.addFlashAttribute(NOTICE, "mandate.page.notice.revoked");
		return "redirect:/account/mandates";
	}

	/** Starts acting for someone the citizen has a right to act for. */
	@PostMapping("/account/acting")
	String act(@AuthenticationPrincipal OneStopUser user, @RequestParam(defaultValue = "") String idNumber,
			HttpSession session) {
		OneStopUser grantor = acting.actFor(user, idNumber)
			.orElseThrow(() -> new ForbiddenException("mandate.refused.no-right"));
		session.setAttribute(OnBehalfFilter.SESSION_ATTRIBUTE, grantor.idNumber());
		return "redirect:/applications";
	}

	/** Back to oneself: the filter lets this through as the representative. */
	@PostMapping("/account/acting/stop")
	String stop(HttpSession session) {
		session.removeAttribute(OnBehalfFilter.SESSION_ATTRIBUTE);
		return "redirect:/account/mandates";
	}

	static LocalDate date(String text) {
		try {
			return text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new MandateRefused(List.of(new ProblemException.FieldProblem("until", "mandate.until.malformed")));
		}
	}

}
