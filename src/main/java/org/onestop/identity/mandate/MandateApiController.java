package org.onestop.identity.mandate;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.identity.OneStopUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A citizen's mandates on the API: grant, list given and received, revoke. */
@RestController
@PreAuthorize("hasRole('CITIZEN')")
class MandateApiController {

	private final Mandates mandates;

	private final Acting acting;

	private final MandateViews views;

	MandateApiController(Mandates mandates, Acting acting, MandateViews views) {
		this.mandates = mandates;
		this.acting = acting;
		this.views = views;
	}

	/**
	 * What a grantor sends; {@code representativeName} is optional and checked when
	 * given.
	 */
	record GrantRequest(String representativeIdNumber, String representativeName, List<String> serviceCodes,
			LocalDate until) {
	}

	@PostMapping("/api/v1/me/mandates")
	ResponseEntity<MandateViews.MandateView> grant(@AuthenticationPrincipal OneStopUser user,
			@RequestBody GrantRequest request, Locale locale) {
		Mandate mandate = mandates.grant(user, new Mandates.Grant(request.representativeIdNumber(),
				request.representativeName(), request.serviceCodes(), request.until()));
		return ResponseEntity.created(URI.create("/api/v1/me/mandates/" + mandate.id()))
			.body(views.view(mandate, acting.today(), locale));
	}

	@GetMapping("/api/v1/me/mandates")
	Map<String, Object> list(@AuthenticationPrincipal OneStopUser user, Locale locale) {
		LocalDate today = acting.today();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("given", views.views(mandates.given(user), today, locale));
		body.put("received", views.views(mandates.received(user), today, locale));
		body.put("actingFor", acting.principals(user).stream().map(p -> views.principal(p, locale)).toList());
		return body;
	}

	@DeleteMapping("/api/v1/me/mandates/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal OneStopUser user, @PathVariable String id) {
		mandates.revoke(user, id);
	}

}
