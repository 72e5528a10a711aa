package org.onestop.assistant;

import java.util.Locale;
import java.util.UUID;

import org.onestop.platform.Messages;
import org.springframework.stereotype.Component;

/** The conversation's own texts and buttons, in the asker's language. */
@Component
class ReplyTexts {

	private final Messages messages;

	private final AssistantProperties properties;

	ReplyTexts(Messages messages, AssistantProperties properties) {
		this.messages = messages;
		this.properties = properties;
	}

	String text(Locale locale, String key, Object... args) {
		return messages.get(locale, key, args);
	}

	/** Sends the words that hand off at once, so the button and typing do the same. */
	Action talkToPerson(Locale locale) {
		return new Action(Action.Type.TALK_TO_PERSON, text(locale, "assistant.action.talk-to-person"), null,
				"en".equals(locale.getLanguage()) ? "human" : "人工");
	}

	Action callback(Locale locale, UUID conversation) {
		return new Action(Action.Type.CALLBACK, text(locale, "assistant.action.callback"), null, null);
	}

	/** Files a complaint from the conversation, prefilled, after the citizen confirms. */
	Action fileComplaint(Locale locale, UUID conversation) {
		return new Action(Action.Type.COMPLAINT, text(locale, "assistant.action.complaint"),
				"/assistant/" + conversation + "/complaint", null);
	}

	Action signIn(Locale locale) {
		return new Action(Action.Type.READ_MORE, text(locale, "assistant.action.sign-in"), "/sign-in", null);
	}

	String distress(Locale locale) {
		return text(locale, "assistant.reply.distress", properties.emergencyNumbers());
	}

}
