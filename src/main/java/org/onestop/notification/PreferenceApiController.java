package org.onestop.notification;

import java.util.Locale;

import org.onestop.notification.PreferencePages.PreferencesView;
import org.onestop.shared.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notification settings. Nobody reaches another's; a representative
 * acting for someone is refused before this (not on the acting allow list).
 */
@RestController
class PreferenceApiController {

	private final Preferences preferences;

	PreferenceApiController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/api/v1/me/notification-preferences")
	PreferencesView get(@AuthenticationPrincipal SignedInUser me, Locale locale) {
		return preferences.view(me, locale);
	}

	@PutMapping("/api/v1/me/notification-preferences")
	PreferencesView put(@AuthenticationPrincipal SignedInUser me,
			@RequestBody(required = false) PreferenceChoices.Change change, Locale locale) {
		// Staff are refused before their body is read: they have nothing to choose.
		preferences.refuseStaff(me);
		PreferenceChoices.Change asked = change == null ? new PreferenceChoices.Change(null, null) : change;
		preferences.change(me, asked.language(), PreferenceChoices.read(asked));
		return preferences.view(me, locale);
	}

}
