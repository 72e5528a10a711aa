package org.onestop.notification;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.notification.PreferencePages.PreferencesPage;
import org.onestop.notification.PreferencePages.PreferencesView;
import org.onestop.notification.PreferencePages.TopicChoice;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.shared.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's notification settings page (from the account page): language, phone,
 * e-mail with its code, and the channels per topic. Staff get a page saying their
 * messages stay in the inbox.
 */
@Controller
class PreferenceController {

	private static final String VIEW = "notification/preferences";

	private static final String NOTICE = "preferencesNotice";

	private final Preferences preferences;

	private final EmailCodes emailCodes;

	private final NotificationProperties settings;

	PreferenceController(Preferences preferences, EmailCodes emailCodes, NotificationProperties settings) {
		this.preferences = preferences;
		this.emailCodes = emailCodes;
		this.settings = settings;
	}

	/**
	 * The page states the city's quiet hours and daily limit as configured, not as
	 * assumed.
	 */
	@ModelAttribute("limits")
	PreferencePages.SmsLimits limits() {
		NotificationProperties.Sms sms = settings.sms();
		return new PreferencePages.SmsLimits(sms.quietFrom().toString(), sms.quietUntil().toString(), sms.dailyLimit());
	}

	@GetMapping("/staff/notifications")
	String staff() {
		return "notification/staff-preferences";
	}

	@GetMapping("/account/notifications")
	String show(@AuthenticationPrincipal SignedInUser me, Locale locale, Model model) {
		String notice = (String) model.asMap().get(NOTICE);
		model.addAttribute("page", new PreferencesPage(preferences.view(me, locale), "", false, notice, Map.of()));
		return VIEW;
	}

	/** The whole table is sent: a box left unticked is a channel turned off. */
	@PostMapping("/account/notifications")
	String save(@AuthenticationPrincipal SignedInUser me, @RequestParam Map<String, String> form, Locale locale,
			Model model, @ModelAttribute("shell") Shell shell, RedirectAttributes redirect) {
		Map<Topic, Map<Channel, Boolean>> choices = new EnumMap<>(Topic.class);
		for (Topic topic : Topic.values()) {
			if (topic.optional()) {
				Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
				for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
					channels.put(channel, form.containsKey(PreferencesPage.field(topic, channel)));
				}
				choices.put(topic, channels);
			}
		}
		String typed = form.get("language");
		String language = typed != null && Preferences.LANGUAGES.contains(typed) ? typed : null;
		try {
			preferences.change(me, language, choices);
			redirect.addFlashAttribute(NOTICE, "notification.preferences.saved");
			return "redirect:/account/notifications";
		}
		catch (ProblemException ex) {
			PreferencesView now = preferences.view(me, locale);
			List<TopicChoice> asked = now.topics()
				.stream()
				.map(t -> new TopicChoice(t.topic(), t.name(), choices.get(t.topic()).get(Channel.SMS),
						choices.get(t.topic()).get(Channel.EMAIL), t.required()))
				.toList();
			PreferencesView shown = new PreferencesView(language == null ? now.language() : language, now.phone(),
					now.phoneProved(), now.email(), now.emailProved(), now.inboxOnly(), asked);
			model.addAttribute("page", new PreferencesPage(shown, "", false, null, beside(shell.errors(ex, "topics"))));
			return VIEW;
		}
	}

	@PostMapping("/account/notifications/email")
	String requestCode(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String email,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell) {
		try {
			String kept = emailCodes.request(me.username(), email);
			model.addAttribute("page", new PreferencesPage(preferences.view(me, locale), kept, true, null, Map.of()));
		}
		catch (ProblemException ex) {
			model.addAttribute("page", new PreferencesPage(preferences.view(me, locale), email == null ? "" : email,
					false, null, shell.errors(ex, "email")));
		}
		return VIEW;
	}

	@PostMapping("/account/notifications/email/confirm")
	String confirmCode(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String code,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell, RedirectAttributes redirect) {
		try {
			emailCodes.confirm(me.username(), code);
			redirect.addFlashAttribute(NOTICE, "notification.email.proved");
			return "redirect:/account/notifications";
		}
		catch (ProblemException ex) {
			model.addAttribute("page",
					new PreferencesPage(preferences.view(me, locale), "", true, null, shell.errors(ex, "code")));
			return VIEW;
		}
	}

	/**
	 * A refusal about a topic is said beside its first box, which the error summary's
	 * link then reaches.
	 */
	private static Map<String, String> beside(Map<String, String> errors) {
		Map<String, String> shown = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			String box = field;
			for (Topic topic : Topic.values()) {
				if (field.equals(PreferencesPage.topicField(topic))) {
					box = PreferencesPage.field(topic, Channel.SMS);
				}
			}
			shown.put(box, message);
		});
		return shown;
	}

}
