package org.onestop.complaint.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.application.vault.DocumentVault;
import org.onestop.application.vault.VaultDocument;
import org.onestop.complaint.Categories;
import org.onestop.complaint.Category;
import org.onestop.complaint.ComplaintView;
import org.onestop.complaint.Complaints;
import org.onestop.complaint.Complaints.NearbyComplaint;
import org.onestop.complaint.Filed;
import org.onestop.complaint.Intake;
import org.onestop.complaint.web.ComplaintCitizenPages.CategoryGroup;
import org.onestop.complaint.web.ComplaintCitizenPages.FiledPage;
import org.onestop.complaint.web.ComplaintCitizenPages.FormPage;
import org.onestop.complaint.web.ComplaintCitizenPages.ListPage;
import org.onestop.complaint.web.ComplaintCitizenPages.VerdictForm;
import org.onestop.complaint.web.ComplaintCitizenPages.ViewPage;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.OnlineChannel;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizen's complaint pages: the form (signed in or anonymous, without JavaScript),
 * "is this what you are reporting?" before filing, the tracking code and private link
 * after, the list of one's own, and one complaint with its timeline and the verdict form.
 * An anonymous reporter reaches their complaint with {@code ?code=}; {@link Complaints}
 * decides who sees what, and anyone else gets the ordinary 404 page.
 */
@Controller
class ComplaintPagesController {

	private static final String FORM = "complaint/citizen-new";

	private static final String VIEW = "complaint/citizen-complaint";

	private final Complaints complaints;

	private final Categories categories;

	private final DocumentVault vault;

	private final String publicUrl;

	ComplaintPagesController(Complaints complaints, Categories categories, DocumentVault vault,
			PlatformProperties platform) {
		this.complaints = complaints;
		this.categories = categories;
		this.vault = vault;
		// The private link is built from the configured public address, never from the
		// request's Host header, which a client or a misconfigured proxy may set.
		this.publicUrl = platform.publicUrl().toString().replaceAll("/+$", "");
	}

	@GetMapping("/complaints/new")
	String form(@AuthenticationPrincipal OneStopUser reporter, @RequestParam(required = false) String category,
			Model model, Locale locale) {
		model.addAttribute("page", formPage(reporter, ComplaintForm.empty(category), Map.of(), List.of(), "", locale));
		return FORM;
	}

	/**
	 * Files the complaint, unless the place is near an open complaint of the same
	 * category that the reporter has not yet been asked about: then the form comes back
	 * with those complaints and two answers, "add me to that one" ({@code duplicateOf})
	 * and "mine is different" ({@code action=new}).
	 */
	@PostMapping("/complaints/new")
	String file(@AuthenticationPrincipal OneStopUser reporter, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) String description, @RequestParam(required = false) String address,
			@RequestParam(required = false) String latitude, @RequestParam(required = false) String longitude,
			@RequestParam(required = false) List<String> documentIds,
			@RequestParam(required = false) String contactPhone, @RequestParam(required = false) MultipartFile upload,
			@RequestParam(defaultValue = "") String uploadTitle, @RequestParam(defaultValue = "") String nearbyChecked,
			@RequestParam(required = false) String duplicateOf, @RequestParam(defaultValue = "") String action,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell, HttpServletRequest http)
			throws IOException {
		ComplaintForm form = new ComplaintForm(categoryCode, description, address, latitude, longitude, documentIds,
				contactPhone);
		Double lat = null;
		Double lon = null;
		try {
			// An upload is kept in the vault first and ticked: a refused form does not
			// lose
			// it.
			if (reporter != null && !reporter.staff() && upload != null && !upload.isEmpty()) {
				String title = uploadTitle.isBlank() ? upload.getOriginalFilename() : uploadTitle;
				VaultDocument uploaded = vault.upload(reporter.username(), title, upload.getInputStream());
				form = form.withDocument(uploaded.id());
			}
			lat = coordinate(form.latitude());
			lon = coordinate(form.longitude());
			UUID joining = "new".equals(action) ? null : id(duplicateOf);
			if (joining == null && !"new".equals(action) && lat != null && lon != null
					&& !form.nearbyKey().equals(nearbyChecked)) {
				List<NearbyComplaint> nearby = nearby(form, lat, lon, locale);
				if (!nearby.isEmpty()) {
					model.addAttribute("page", formPage(reporter, form, Map.of(), nearby, form.nearbyKey(), locale));
					return FORM;
				}
			}
			Filed filed = complaints.file(reporter,
					Intake
						.web(form.categoryCode(), form.description(), form.address(), lat, lon, form.documents(),
								form.contactPhone(), joining)
						.through(OnlineChannel.of(http)));
			return "redirect:/complaints/" + filed.id() + "/filed?code=" + filed.trackingCode();
		}
		catch (ProblemException refusal) {
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(refusal, "categoryCode")
				.forEach((field, message) -> errors.putIfAbsent(inputId(field), message));
			// The place's complaints stay in view when joining one was refused (it closed
			// meanwhile): the reporter answers again.
			List<NearbyComplaint> nearby = errors.containsKey("nearby") && lat != null && lon != null
					? nearby(form, lat, lon, locale) : List.of();
			model.addAttribute("page", formPage(reporter, form, errors, nearby,
					nearby.isEmpty() ? nearbyChecked : form.nearbyKey(), locale));
			return FORM;
		}
	}

	@GetMapping("/complaints/{id}/filed")
	String filed(@AuthenticationPrincipal OneStopUser reporter, @PathVariable UUID id,
			@RequestParam(required = false) String code, Model model, Locale locale) {
		ComplaintView complaint = complaints.view(reporter, id, code, locale);
		String link = UriComponentsBuilder.fromUriString(publicUrl)
			.path("/complaints/{id}")
			.queryParam("code", complaint.trackingCode())
			.buildAndExpand(id)
			.toUriString();
		model.addAttribute("page", new FiledPage(complaint, link,
				categories.find(complaint.categoryCode()).map(Category::urgencyTier).orElse(null), reporter != null));
		return "complaint/citizen-filed";
	}

	@GetMapping("/complaints")
	String mine(@AuthenticationPrincipal OneStopUser citizen, Model model, Locale locale) {
		model.addAttribute("page", new ListPage(complaints.mine(citizen, locale)));
		return "complaint/citizen-mine";
	}

	@GetMapping("/complaints/{id}")
	String view(@AuthenticationPrincipal OneStopUser reader, @PathVariable UUID id,
			@RequestParam(required = false) String code, @RequestParam(required = false) String judged, Model model,
			Locale locale, @ModelAttribute("shell") Shell shell) {
		ComplaintView complaint = complaints.view(reader, id, code, locale);
		String banner = judged != null ? shell.t("complaint.citizen.verdict.thanks") : null;
		model.addAttribute("page", new ViewPage(complaint, blankToNull(code), VerdictForm.EMPTY, Map.of(), banner));
		return VIEW;
	}

	@PostMapping("/complaints/{id}/verdict")
	String verdict(@AuthenticationPrincipal OneStopUser reporter, @PathVariable UUID id,
			@RequestParam(required = false) String code, @RequestParam(defaultValue = "") String solved,
			@RequestParam(defaultValue = "") String rating, @RequestParam(defaultValue = "") String comment,
			Model model, Locale locale, @ModelAttribute("shell") Shell shell) {
		String carried = blankToNull(code);
		try {
			complaints.verdict(reporter, id, carried, solvedOf(solved), ratingOf(rating), blankToNull(comment), locale);
			return "redirect:/complaints/" + id + "?judged" + (carried == null ? "" : "&code=" + shell.encode(carried));
		}
		catch (ProblemException refusal) {
			if (refusal instanceof NotFoundException) {
				throw refusal;
			}
			ComplaintView complaint = complaints.view(reporter, id, carried, locale);
			model.addAttribute("page", new ViewPage(complaint, carried, new VerdictForm(solved, rating, comment),
					shell.errors(refusal, "solved"), null));
			return VIEW;
		}
	}

	private FormPage formPage(OneStopUser reporter, ComplaintForm form, Map<String, String> errors,
			List<NearbyComplaint> nearby, String nearbyChecked, Locale locale) {
		boolean citizen = reporter != null && !reporter.staff();
		List<VaultDocument> documents = citizen ? vault.documentsOf(reporter.username()) : List.of();
		return new FormPage(form, groups(locale), citizen, documents, errors, nearby, nearbyChecked);
	}

	/** The category tree as the form shows it: each group with its active leaves. */
	private List<CategoryGroup> groups(Locale locale) {
		List<Category> all = categories.all();
		List<CategoryGroup> groups = new ArrayList<>();
		for (Category group : all) {
			if (!group.leaf() && group.active()) {
				List<Category> leaves = all.stream()
					.filter(c -> c.leaf() && c.active() && group.code().equals(c.parentCode()))
					.toList();
				if (!leaves.isEmpty()) {
					groups.add(new CategoryGroup(group.code(), group.name(locale), leaves));
				}
			}
		}
		return groups;
	}

	/**
	 * Open complaints near the place; none when the category or place is one the filing
	 * itself will refuse, with every problem of the form beside its field.
	 */
	private List<NearbyComplaint> nearby(ComplaintForm form, double lat, double lon, Locale locale) {
		try {
			return complaints.nearby(form.categoryCode(), lat, lon, locale);
		}
		catch (InvalidInputException willBeRefused) {
			return List.of();
		}
	}

	/** Where a refused field is shown on the form. */
	private static String inputId(String field) {
		return switch (field) {
			case "file" -> "upload";
			case "title" -> "uploadTitle";
			case "documentIds" -> "documents";
			case "duplicateOf" -> "nearby";
			case "longitude" -> "latitude";
			default -> field;
		};
	}

	private static Double coordinate(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new InvalidInputException("latitude", "complaint.citizen.location.number");
		}
	}

	private static UUID id(String text) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException notAnId) {
			throw new InvalidInputException("duplicateOf", "complaint.duplicate.invalid");
		}
	}

	private static Boolean solvedOf(String text) {
		return switch (text) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static Integer ratingOf(String text) {
		try {
			return text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
