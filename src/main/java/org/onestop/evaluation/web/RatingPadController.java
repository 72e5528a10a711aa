package org.onestop.evaluation.web;

import java.util.List;
import java.util.Map;

import org.onestop.evaluation.RatingPad;
import org.onestop.evaluation.RatingReason;
import org.onestop.evaluation.Ratings;
import org.onestop.evaluation.web.RatingPages.Form;
import org.onestop.evaluation.web.RatingPages.PadPage;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rating pad (评价器) on a counter's second screen, in the clerk's session: the citizen
 * just served taps one of five large buttons. {@link RatingPad} offers only the clerk's
 * own latest unrated ticket.
 */
@Controller
class RatingPadController {

	private static final String PAD = "evaluation/rating-pad";

	private final RatingPad pad;

	private final Ratings ratings;

	RatingPadController(RatingPad pad, Ratings ratings) {
		this.pad = pad;
		this.ratings = ratings;
	}

	@GetMapping("/staff/counter/rating-pad")
	String pad(@AuthenticationPrincipal OneStopUser clerk, @RequestParam(required = false) String thanks, Model model) {
		model.addAttribute("page", page(clerk, Map.of(), thanks != null ? "evaluation.pad.thanks" : null));
		return PAD;
	}

	@PostMapping("/staff/counter/rating-pad")
	String rate(@AuthenticationPrincipal OneStopUser clerk, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String level, @RequestParam(required = false) List<String> reasons,
			Model model, @ModelAttribute("shell") Shell shell) {
		try {
			pad.rate(clerk, subject,
					RatingPagesController.verdict(new Form(level, reasons == null ? List.of() : reasons, "")));
			return "redirect:/staff/counter/rating-pad?thanks";
		}
		catch (ProblemException refusal) {
			model.addAttribute("page", page(clerk, shell.errors(refusal, "level"), null));
			return PAD;
		}
	}

	private PadPage page(OneStopUser clerk, Map<String, String> errors, String notice) {
		List<RatingReason> reasons = ratings.reasons();
		List<RatingReason> complaints = reasons.stream().filter(r -> !r.praise()).toList();
		List<RatingReason> praise = reasons.stream().filter(RatingReason::praise).toList();
		return pad.offered(clerk)
			.map(o -> new PadPage(o.number(), o.subject(), o.anonymous(), complaints, praise, errors, notice))
			.orElseGet(() -> new PadPage(null, null, false, complaints, praise, errors, notice));
	}

}
