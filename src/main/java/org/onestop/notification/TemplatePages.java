package org.onestop.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the template administration pages and API show; public because the compiled
 * templates read them.
 */
public final class TemplatePages {

	private TemplatePages() {
	}

	/** A kind of message with the templates written for it. */
	public record KindSummary(String template, Topic topic, List<String> fields, List<Written> templates) {

		/** The version of the template for this channel and language; 0 if none. */
		public int version(Channel channel, String language) {
			return templates.stream()
				.filter(w -> w.channel() == channel && w.language().equals(language))
				.mapToInt(Written::version)
				.findFirst()
				.orElse(0);
		}

		public String href(Channel channel, String language) {
			return TemplatePages.href(template, channel, language);
		}

		public List<Channel> channels() {
			return TemplatePages.channels(topic);
		}
	}

	/**
	 * The channels a kind of this topic has templates for: staff work is read in the
	 * inbox only, one-time codes never go to an inbox.
	 */
	static List<Channel> channels(Topic topic) {
		return switch (topic) {
			case STAFF_WORK -> List.of(Channel.INBOX);
			case CODES -> List.of(Channel.SMS, Channel.EMAIL);
			default -> List.of(Channel.values());
		};
	}

	/** One template that exists, at its version. */
	public record Written(Channel channel, String language, int version) {
	}

	/** One template as kept; version 0 when none has been written yet. */
	public record TemplateView(String template, Channel channel, String language, Topic topic, List<String> fields,
			String subject, String body, String htmlBody, String providerTemplateCode, int version, String updatedBy,
			Instant updatedAt) {
	}

	/**
	 * A template rendered with the kind's sample values in one language, as it would
	 * reach a reader; {@code written} is false when that language has no template yet.
	 */
	public record Preview(String language, boolean written, String subject, String body, String htmlBody, int length,
			int segments) {
	}

	/** The list page: kinds grouped by topic. */
	public record ListPage(Map<Topic, List<KindSummary>> byTopic, String saved) {
	}

	/**
	 * The edit page: the form, any errors beside its fields, and previews in both
	 * languages.
	 */
	public record EditPage(TemplateView template, Map<String, String> errors, List<Preview> previews) {

		public String action() {
			return href(template.template(), template.channel(), template.language());
		}

		public boolean sms() {
			return template.channel() == Channel.SMS;
		}

		public boolean email() {
			return template.channel() == Channel.EMAIL;
		}
	}

	static String href(String template, Channel channel, String language) {
		return "/admin/notifications/templates/" + template + "/" + channel.name().toLowerCase() + "/" + language;
	}

}
