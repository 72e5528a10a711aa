package org.onestop.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;

/**
 * Reads the choices of an API request, {@code [{topic, sms, email}]}, refusing unknown
 * topics and channels and topics that cannot be chosen (400) with every fault named.
 */
final class PreferenceChoices {

	private static final List<String> SHOWN = List.of("topic", "name", "required");

	private PreferenceChoices() {
	}

	/**
	 * @param language the language messages go out in, or null to keep it
	 * @param topics the choices, topic by topic; a channel left out keeps its choice
	 */
	record Change(String language, List<Map<String, Object>> topics) {
	}

	static Map<Topic, Map<Channel, Boolean>> read(Change change) {
		List<FieldProblem> problems = new ArrayList<>();
		if (change.language() != null && !Preferences.LANGUAGES.contains(change.language())) {
			problems.add(new FieldProblem("language", "notification.preferences.language.unknown"));
		}
		Map<Topic, Map<Channel, Boolean>> choices = new EnumMap<>(Topic.class);
		List<Map<String, Object>> topics = change.topics() == null ? List.of() : change.topics();
		for (int i = 0; i < topics.size(); i++) {
			String at = "topics[" + i + "]";
			Map<String, Object> entry = topics.get(i) == null ? Map.of() : topics.get(i);
			Topic topic = topic(entry.get("topic"));
			if (topic == null) {
				problems.add(new FieldProblem(at + ".topic", "notification.preferences.topic.unknown"));
				continue;
			}
			Map<Channel, Boolean> channels = choices.computeIfAbsent(topic, t -> new EnumMap<>(Channel.class));
			entry.forEach((key, value) -> {
				if (SHOWN.contains(key)) {
					return;
				}
				Channel channel = channel(key);
				if (channel == null) {
					problems.add(new FieldProblem(at + "." + key, "notification.preferences.channel.unknown"));
				}
				else if (!(value instanceof Boolean on)) {
					problems.add(new FieldProblem(at + "." + key, "notification.preferences.channel.on-off"));
				}
				else {
					channels.put(channel, on);
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return choices;
	}

	private static Topic topic(Object value) {
		if (value instanceof String name) {
			for (Topic topic : Topic.values()) {
				if (topic.optional() && topic.name().equals(name)) {
					return topic;
				}
			}
		}
		return null;
	}

	private static Channel channel(String key) {
		return switch (key) {
			case "sms" -> Channel.SMS;
			case "email" -> Channel.EMAIL;
			default -> null;
		};
	}

}
