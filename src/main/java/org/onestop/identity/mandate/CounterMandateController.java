package org.onestop.identity.mandate;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.mandate.MandatePages.CounterForm;
import org.onestop.identity.mandate.MandatePages.CounterPage;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A clerk records a mandate for a grantor who cannot use a phone: both ID cards seen, the
 * grantor's signed form scanned.
 */
@Controller
@PreAuthorize("hasRole('CLERK')")
class CounterMandateController {

	private static final String RECORDED = "mandateRecorded";

	private final Mandates mandates;

	private final MandatePageModels models;

	CounterMandateController(Mandates mandates, MandatePageModels models) {
		this.mandates = mandates;
		this.models = models;
	}

	@GetMapping("/staff/mandates")
	String page(Model model, Locale locale) {
		String recorded = (String) model.asMap().get(RECORDED);
		model.addAttribute("page", new CounterPage(CounterForm.empty(), models.options(List.of(), locale), Map.of(),
				models.maxUntil(), recorded));
		return "identity/counter-mandate";
	}

	@PostMapping("/staff/mandates")
	String record(@AuthenticationPrincipal OneStopUser clerk, @RequestParam(defaultValue = "") String grantorIdNumber,
			@RequestParam(defaultValue = "") String grantorName,
			@RequestParam(defaultValue = "") String representativeIdNumber,
			@RequestParam(defaultValue = "") String representativeName,
			@RequestParam(defaultValue = "false") boolean idCardsSeen, @RequestParam(defaultValue = "all") String scope,
			@RequestParam(required = false) List<String> serviceCodes, @RequestParam(defaultValue = "") String until,
			@RequestParam(required = false) MultipartFile signature, Model model, @ModelAttribute("shell") Shell shell,
			Locale locale, RedirectAttributes redirect) throws IOException {
		boolean all = !"chosen".equals(scope);
		List<String> codes = serviceCodes == null ? List.of() : serviceCodes;
		CounterForm form = new CounterForm(grantorIdNumber, grantorName, representativeIdNumber, representativeName,
				idCardsSeen, all, codes, until);
		try {
			if (!all && codes.isEmpty()) {
				throw new MandateRefused(
						List.of(new ProblemException.FieldProblem("serviceCodes", "mandate.service-codes.none")));
			}
			Signature scan = signature == null ? new Signature("", "", new byte[0])
					: new Signature(
							signature.getOriginalFilename() == null ? "signature" : signature.getOriginalFilename(),
							signature.getContentType(), signature.getBytes());
			Mandate mandate = mandates.recordAtCounter(clerk,
					new Mandates.CounterGrant(grantorIdNumber, grantorName, new Mandates.Grant(representativeIdNumber,
							representativeName, all ? List.of() : codes, MandateController.date(until)), idCardsSeen,
							scan));
			redirect.addFlashAttribute(RECORDED, mandate.grantorName());
			return "redirect:/staff/mandates";
		}
		catch (MandateRefused refused) {
			model.addAttribute("page", new CounterPage(form, models.options(codes, locale), shell.errors(refused),
					models.maxUntil(), null));
			return "identity/counter-mandate";
		}
	}

}
