package org.onestop.evaluation.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.evaluation.GivenThrough;
import org.onestop.evaluation.Invitation;
import org.onestop.evaluation.Rating;
import org.onestop.evaluation.RatingReason;
import org.onestop.evaluation.Ratings;
import org.onestop.evaluation.Ratings.Verdict;
import org.onestop.evaluation.web.RatingPages.Form;
import org.onestop.evaluation.web.RatingPages.FormPage;
import org.onestop.evaluation.web.RatingPages.ListPage;
import org.onestop.evaluation.web.RatingPages.PendingRow;
import org.onestop.evaluation.web.RatingPages.RatingRow;
import org.onestop.evaluation.web.RatingPages.ViewPage;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.OnlineChannel;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.shared.ContactChannel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's rating pages: what waits for a rating and what was rated, the form (no
 * JavaScript needed), one rating with its change link for 7 days. A subject that is not
 * the citizen's answers with the ordinary "not found" page.
 */
@Controller
class RatingPagesController {

	private static final String FORM = "evaluation/rating-form";

	private final Ratings ratings;

	RatingPagesController(Ratings ratings) {
		this.ratings = ratings;
	}

	@GetMapping("/ratings")
	String mine(@AuthenticationPrincipal OneStopUser citizen, Model model, Locale locale) {
		Ratings.Mine mine = ratings.mine(citizen);
		List<PendingRow> pending = mine.pending()
			.stream()
			.map(i -> new PendingRow(name(i.subjectType(), i.serviceCode(), locale), kindKey(i.subjectType()),
					i.finishedAt(), "/ratings/new?subject=" + i.subject()))
			.toList();
		List<RatingRow> given = mine.ratings()
			.stream()
			.map(r -> new RatingRow(name(r.subjectType(), r.serviceCode(), locale), kindKey(r.subjectType()), r.level(),
					r.createdAt(), "/ratings/" + r.id()))
			.toList();
		model.addAttribute("page", new ListPage(pending, given));
		return "evaluation/ratings";
	}

	@GetMapping("/ratings/new")
	String form(@AuthenticationPrincipal OneStopUser citizen, @RequestParam(defaultValue = "") String subject,
			Model model, Locale locale) {
		Optional<Rating> given = ratings.ofSubject(citizen, subject);
		if (given.isPresent()) {
			return "redirect:/ratings/" + given.get().id();
		}
		Invitation invitation = ratings.invitation(citizen, subject);
		model.addAttribute("page", newForm(invitation, Form.EMPTY, Map.of(), locale));
		return FORM;
	}

	@PostMapping("/ratings/new")
	String rate(@AuthenticationPrincipal OneStopUser citizen, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String level, @RequestParam(required = false) List<String> reasons,
			@RequestParam(defaultValue = "") String comment, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell, HttpServletRequest http) {
		Invitation invitation = ratings.invitation(citizen, subject);
		Form form = new Form(level, reasons == null ? List.of() : reasons, comment);
		try {
			Rating rating = ratings.rate(citizen, invitation.subjectType(), invitation.subjectId(), verdict(form),
					through(http));
			return "redirect:/ratings/" + rating.id() + "?given";
		}
		catch (ConflictException already) {
			// Rated meanwhile (another tab, the hall's pad): show that rating.
			return ratings.ofSubject(citizen, subject)
				.map(r -> "redirect:/ratings/" + r.id())
				.orElseThrow(() -> already);
		}
		catch (ProblemException refusal) {
			if (refusal instanceof NotFoundException) {
				throw refusal;
			}
			model.addAttribute("page", newForm(invitation, form, shell.errors(refusal, "level"), locale));
			return FORM;
		}
	}

	@GetMapping("/ratings/{id}")
	String view(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam(required = false) String given, @RequestParam(required = false) String changed, Model model,
			Locale locale) {
		Rating r = ratings.own(citizen, id);
		String notice = given != null ? "evaluation.rating.given" : changed != null ? "evaluation.rating.saved" : null;
		model.addAttribute("page",
				new ViewPage(r.id().toString(), name(r.subjectType(), r.serviceCode(), locale),
						kindKey(r.subjectType()), r.level(),
						r.reasons().stream().map(code -> "evaluation.reason." + code).toList(), r.comment(),
						r.createdAt(), r.changedAt(), r.version() > 0, r.changeable(ratings.now()), r.changeableUntil(),
						r.followedUp(), r.verified(), notice));
		return "evaluation/rating";
	}

	@GetMapping("/ratings/{id}/change")
	String changeForm(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id, Model model, Locale locale) {
		Rating r = ratings.own(citizen, id);
		if (!r.changeable(ratings.now())) {
			return "redirect:/ratings/" + id;
		}
		model.addAttribute("page",
				changeForm(r, new Form(String.valueOf(r.level()), r.reasons(), r.comment() == null ? "" : r.comment()),
						Map.of(), locale));
		return FORM;
	}

	@PostMapping("/ratings/{id}/change")
	String change(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam(required = false) Integer version, @RequestParam(defaultValue = "") String level,
			@RequestParam(required = false) List<String> reasons, @RequestParam(defaultValue = "") String comment,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell) {
		Form form = new Form(level, reasons == null ? List.of() : reasons, comment);
		try {
			ratings.change(citizen, id, version, verdict(form));
			return "redirect:/ratings/" + id + "?changed";
		}
		catch (ProblemException refusal) {
			if (refusal instanceof NotFoundException) {
				throw refusal;
			}
			Rating r = ratings.own(citizen, id);
			model.addAttribute("page", changeForm(r, form, shell.errors(refusal, "level"), locale));
			return FORM;
		}
	}

	private FormPage newForm(Invitation i, Form form, Map<String, String> errors, Locale locale) {
		return formPage(name(i.subjectType(), i.serviceCode(), locale), kindKey(i.subjectType()), i.finishedAt(),
				i.subject(), "/ratings/new", null, false, form, errors);
	}

	private FormPage changeForm(Rating r, Form form, Map<String, String> errors, Locale locale) {
		return formPage(name(r.subjectType(), r.serviceCode(), locale), kindKey(r.subjectType()), r.createdAt(),
				r.subject(), "/ratings/" + r.id() + "/change", r.version(), true, form, errors);
	}

	private FormPage formPage(String service, String kindKey, java.time.Instant at, String subject, String action,
			Integer version, boolean changing, Form form, Map<String, String> errors) {
		List<RatingReason> reasons = ratings.reasons();
		return new FormPage(service, kindKey, at, subject, action, version, changing, form,
				reasons.stream().filter(r -> !r.praise()).toList(),
				reasons.stream().filter(RatingReason::praise).toList(), errors);
	}

	private String name(org.onestop.evaluation.SubjectType type, String serviceCode, Locale locale) {
		return ratings.serviceName(type, serviceCode).in(locale);
	}

	static String kindKey(org.onestop.evaluation.SubjectType type) {
		return "evaluation.subject." + type.name();
	}

	static Verdict verdict(Form form) {
		Integer level = null;
		try {
			level = form.level().isBlank() ? null : Integer.valueOf(form.level().strip());
		}
		catch (NumberFormatException ex) {
			// Left null: the rules refuse it beside the level.
		}
		return new Verdict(level, form.reasons(), form.comment());
	}

	private static GivenThrough through(HttpServletRequest http) {
		return OnlineChannel.of(http) == ContactChannel.MOBILE_WEB ? GivenThrough.MOBILE_WEB : GivenThrough.WEB;
	}

}
