package org.onestop.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.notification.PreferencePages.PreferencesView;
import org.onestop.notification.PreferencePages.TopicChoice;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.Messages;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's choice of channels per topic and of the language messages go out in. The
 * inbox always keeps a copy; decisions and deadlines keep at least one channel that
 * reaches the person. Staff have nothing to choose: their messages stay in the inbox.
 */
@Service
class Preferences {

	static final List<String> LANGUAGES = List.of("zh", "en");

	private static final List<Channel> CHOOSABLE = List.of(Channel.SMS, Channel.EMAIL);

	private final ContactStore contacts;

	private final PreferenceStore store;

	private final Contacts phones;

	private final Messages messages;

	private final Clock clock;

	Preferences(ContactStore contacts, PreferenceStore store, Contacts phones, Messages messages, Clock clock) {
		this.contacts = contacts;
		this.store = store;
		this.phones = phones;
		this.messages = messages;
		this.clock = clock;
	}

	/** The person's own settings, topic names in the reader's language. */
	@Transactional(readOnly = true)
	PreferencesView view(SignedInUser me, Locale reader) {
		ContactStore.Details details = contacts.details(me.username()).orElse(ContactStore.Details.NONE);
		if (me.staff()) {
			return new PreferencesView(details.language(), null, false, null, false, true, List.of());
		}
		String phone = phones.verifiedPhone(me.username()).map(Preferences::masked).orElse(null);
		Map<Topic, Map<Channel, Boolean>> choices = store.choices(me.username());
		List<TopicChoice> topics = Arrays.stream(Topic.values())
			.filter(Topic::optional)
			.map(t -> new TopicChoice(t, messages.get(reader, t.messageKey()), on(choices, t, Channel.SMS),
					on(choices, t, Channel.EMAIL), t == Topic.DECISIONS))
			.toList();
		return new PreferencesView(details.language(), phone, phone != null, details.email(), details.proved(), false,
				topics);
	}

	/**
	 * Applies the choices given (topics and channels left out stay as they were) and the
	 * language, if given. The same request twice changes nothing more.
	 * @param choices on or off per topic and channel; only optional topics, SMS and EMAIL
	 * @throws PreferencesRefused when decisions would reach no proved address
	 */
	@Transactional
	void change(SignedInUser me, String language, Map<Topic, Map<Channel, Boolean>> choices) {
		refuseStaff(me);
		String username = me.username();
		Instant now = clock.instant();
		contacts.hold(username, now);
		Map<Topic, Map<Channel, Boolean>> merged = store.choices(username);
		choices.forEach(
				(topic, channels) -> merged.computeIfAbsent(topic, t -> new EnumMap<>(Channel.class)).putAll(channels));
		refuseUnreachableDecisions(username, merged);
		if (language != null) {
			contacts.language(username, language, now);
		}
		choices.forEach((topic, channels) -> channels.forEach((channel, on) -> {
			if (topic.optional() && CHOOSABLE.contains(channel)) {
				store.choose(username, topic, channel, on);
			}
		}));
	}

	/** Staff messages stay in the inbox: there is nothing for staff to change. */
	void refuseStaff(SignedInUser me) {
		if (me.staff()) {
			throw new ForbiddenException("notification.preferences.staff");
		}
	}

	private void refuseUnreachableDecisions(String username, Map<Topic, Map<Channel, Boolean>> merged) {
		boolean phone = phones.verifiedPhone(username).isPresent();
		boolean email = contacts.details(username).map(ContactStore.Details::proved).orElse(false);
		boolean reached = (phone && on(merged, Topic.DECISIONS, Channel.SMS))
				|| (email && on(merged, Topic.DECISIONS, Channel.EMAIL));
		if ((phone || email) && !reached) {
			List<FieldProblem> problems = new ArrayList<>();
			problems.add(new FieldProblem(PreferencePages.PreferencesPage.topicField(Topic.DECISIONS),
					"notification.preferences.decisions-required"));
			throw new PreferencesRefused(problems);
		}
	}

	private static boolean on(Map<Topic, Map<Channel, Boolean>> choices, Topic topic, Channel channel) {
		return choices.getOrDefault(topic, Map.of()).getOrDefault(channel, true);
	}

	static String masked(String phone) {
		return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
