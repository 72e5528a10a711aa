package org.onestop.complaint.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onestop.complaint.Category;
import org.onestop.complaint.Categories;
import org.onestop.complaint.ComplaintView;
import org.onestop.complaint.Complaints;
import org.onestop.complaint.Complaints.NearbyComplaint;
import org.onestop.complaint.Filed;
import org.onestop.complaint.Intake;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.OnlineChannel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints for their reporters, signed in or anonymous: file, follow, judge. Anonymous
 * reporters pass their tracking code; {@link Complaints} decides who sees what.
 */
@RestController
class ComplaintApiController {

	private final Complaints complaints;

	private final Categories categories;

	ComplaintApiController(Complaints complaints, Categories categories) {
		this.complaints = complaints;
		this.categories = categories;
	}

	record FileRequest(String categoryCode, String description, String address, Double latitude, Double longitude,
			List<UUID> documentIds, String contactPhone, UUID duplicateOf) {
	}

	record VerdictRequest(Boolean solved, Integer rating, String comment) {
	}

	/**
	 * A leaf category as forms and third parties need it, named in the reader's language.
	 */
	record CategoryEntry(String code, String group, String groupName, String name, String description,
			String urgencyTier) {
	}

	@PostMapping("/api/v1/complaints")
	ResponseEntity<Filed> file(@AuthenticationPrincipal OneStopUser reporter, @RequestBody FileRequest request,
			HttpServletRequest http) {
		Filed filed = complaints.file(reporter,
				Intake
					.web(request.categoryCode(), request.description(), request.address(), request.latitude(),
							request.longitude(), request.documentIds(), request.contactPhone(), request.duplicateOf())
					.through(OnlineChannel.of(http)));
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + filed.id())).body(filed);
	}

	@GetMapping("/api/v1/complaints/categories")
	List<CategoryEntry> categories(Locale locale) {
		List<Category> all = categories.all();
		return all.stream()
			.filter(c -> c.leaf() && c.active())
			.map(c -> new CategoryEntry(c.code(), c.parentCode(),
					all.stream()
						.filter(g -> g.code().equals(c.parentCode()))
						.findFirst()
						.map(g -> g.name(locale))
						.orElse(null),
					c.name(locale), c.description(locale), c.urgencyTier().name()))
			.toList();
	}

	@GetMapping("/api/v1/complaints/nearby")
	List<NearbyComplaint> nearby(@RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude,
			Locale locale) {
		return complaints.nearby(categoryCode, latitude, longitude, locale);
	}

	@GetMapping("/api/v1/complaints/mine")
	List<ComplaintView> mine(@AuthenticationPrincipal OneStopUser citizen, Locale locale) {
		return complaints.mine(citizen, locale);
	}

	@GetMapping("/api/v1/complaints/{id}")
	ComplaintView view(@AuthenticationPrincipal OneStopUser reader, @PathVariable UUID id,
			@RequestParam(required = false) String trackingCode, Locale locale) {
		return complaints.view(reader, id, trackingCode, locale);
	}

	@PostMapping("/api/v1/complaints/{id}/verdict")
	ComplaintView verdict(@AuthenticationPrincipal OneStopUser reporter, @PathVariable UUID id,
			@RequestParam(required = false) String trackingCode, @RequestBody VerdictRequest request, Locale locale) {
		return complaints.verdict(reporter, id, trackingCode, request.solved(), request.rating(), request.comment(),
				locale);
	}

}
