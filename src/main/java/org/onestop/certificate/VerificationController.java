package org.onestop.certificate;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.onestop.platform.Shell;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Anyone holding a certificate's code, or its QR code, checks that it is genuine; no
 * sign-in.
 */
@Controller
class VerificationController {

	private final Certificates certificates;

	VerificationController(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/verify")
	String form(@RequestParam(required = false) String code, Model model, @ModelAttribute("shell") Shell shell) {
		if (code == null || code.isBlank()) {
			model.addAttribute("page", CertificatePages.VerifyFormPage.empty());
			return "certificate/verify-form";
		}
		Optional<String> normalised = VerificationCode.normalise(code);
		if (normalised.isPresent()) {
			return "redirect:/verify/" + UriUtils.encodePathSegment(normalised.get(), "UTF-8");
		}
		model.addAttribute("page",
				new CertificatePages.VerifyFormPage(code.strip(), shell.t("certificate.verify.code.invalid")));
		return "certificate/verify-form";
	}

	/**
	 * A code that matches no certificate gets its own page, not "page not found": it is
	 * the answer to the question asked, with the form to try again.
	 */
	@GetMapping("/verify/{code}")
	String verified(@PathVariable String code, Model model, @ModelAttribute("shell") Shell shell,
			HttpServletResponse response) {
		Optional<Certificate> certificate = certificates.find(code);
		if (certificate.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			boolean wellFormed = VerificationCode.normalise(code).isPresent();
			model.addAttribute("page", CertificatePages.UnknownCodePage.of(code,
					wellFormed ? null : shell.t("certificate.verify.code.invalid")));
			return "certificate/unknown";
		}
		model.addAttribute("page", CertificatePages.VerifiedPage.of(certificate.get(), shell.locale()));
		return "certificate/verified";
	}

}
