package org.onestop.notification;

import java.security.Principal;
import java.util.List;

import org.onestop.notification.TemplatePages.KindSummary;
import org.onestop.notification.TemplatePages.Preview;
import org.onestop.notification.TemplatePages.TemplateView;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Message templates for administrators. A PUT names the version it edited, in
 * {@code If-Match} or as {@code version} (0 for a first template); a stale one is refused
 * with 409.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class TemplateApiController {

	private static final String PATH = "/api/v1/admin/notification-templates/{template}/{channel}/{language}";

	private final TemplateAdministration administration;

	TemplateApiController(TemplateAdministration administration) {
		this.administration = administration;
	}

	/** What a client sends to save or preview a template. */
	record TemplateForm(Integer version, String subject, String body, String htmlBody, String providerTemplateCode) {

		TemplateDraft draft() {
			return new TemplateDraft(subject, body, htmlBody, providerTemplateCode);
		}
	}

	@GetMapping("/api/v1/admin/notification-templates")
	List<KindSummary> list() {
		return administration.list();
	}

	@GetMapping(PATH)
	ResponseEntity<TemplateView> get(@PathVariable String template, @PathVariable String channel,
			@PathVariable String language) {
		TemplateView view = administration.find(template, channel, language);
		if (view.version() == 0) {
			throw new NotFoundException("notification.template.not-found");
		}
		return ResponseEntity.ok().eTag(Integer.toString(view.version())).body(view);
	}

	@PutMapping(PATH)
	ResponseEntity<TemplateView> put(@PathVariable String template, @PathVariable String channel,
			@PathVariable String language, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) TemplateForm form, Principal admin) {
		TemplateForm sent = form == null ? new TemplateForm(null, null, null, null, null) : form;
		int version = version(ifMatch, sent.version());
		TemplateView saved = administration.save(admin.getName(), template, channel, language, version, sent.draft());
		return ResponseEntity.ok().eTag(Integer.toString(saved.version())).body(saved);
	}

	@PostMapping(PATH + "/preview")
	List<Preview> preview(@PathVariable String template, @PathVariable String channel, @PathVariable String language,
			@RequestBody(required = false) TemplateForm form) {
		TemplateForm sent = form == null ? new TemplateForm(null, null, null, null, null) : form;
		return administration.preview(template, channel, language, sent.draft());
	}

	private static int version(String ifMatch, Integer version) {
		String tag = ifMatch == null ? null : ifMatch.replaceFirst("^W/", "").replace("\"", "").strip();
		try {
			int v = tag != null && !tag.isEmpty() ? Integer.parseInt(tag) : version == null ? -1 : version;
			if (v >= 0) {
				return v;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the refusal below
		}
		throw new InvalidInputException("version", "notification.template.version.required");
	}

}
