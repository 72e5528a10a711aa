package org.onestop.notification;

import java.util.List;
import java.util.Map;

/**
 * What the notification settings page and API show; public because the compiled templates
 * read them.
 */
public final class PreferencePages {

	private PreferencePages() {
	}

	/**
	 * A person's settings as they see them.
	 *
	 * @param language the language messages go out in ({@code zh} or {@code en})
	 * @param phone the proved phone, masked; null when there is none
	 * @param email the address given, proved or not; null when there is none
	 * @param inboxOnly staff: every message arrives in the inbox only, nothing to choose
	 */
	public record PreferencesView(String language, String phone, boolean phoneProved, String email, boolean emailProved,
			boolean inboxOnly, List<TopicChoice> topics) {
	}

	/**
	 * One topic's channels beyond the inbox.
	 *
	 * @param name the topic as the reader calls it, in their language
	 * @param required at least one channel with a proved address stays on
	 */
	public record TopicChoice(Topic topic, String name, boolean sms, boolean email, boolean required) {
	}

	/**
	 * The page: the settings, the step of proving an e-mail address, and what was refused
	 * beside the field it concerns.
	 * @param codeSent a code was just e-mailed: the page asks for it
	 * @param notice a message key saying what was just done, or null
	 */
	/**
	 * Quiet hours (city time, HH:mm) and texts a phone may get in a day, as configured.
	 */
	public record SmsLimits(String quietFrom, String quietUntil, int dailyLimit) {
	}

	public record PreferencesPage(PreferencesView view, String typedEmail, boolean codeSent, String notice,
			Map<String, String> errors) {

		public String error(String field) {
			return errors.get(field);
		}

		/** The id and form name of a topic's checkbox for a channel. */
		public static String field(Topic topic, Channel channel) {
			return topic.name() + "." + channel.name();
		}

		/** The field a refusal about a topic is said beside. */
		public static String topicField(Topic topic) {
			return "topics." + topic.name();
		}
	}

}
