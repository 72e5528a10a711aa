package org.onestop.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onestop.assistant.Conversation.Asker;
import org.onestop.complaint.Categories;
import org.onestop.complaint.Channel;
import org.onestop.complaint.Complaints;
import org.onestop.complaint.Filed;
import org.onestop.complaint.Intake;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "File a complaint" from the assistant (channel ASSISTANT): prefilled with what the
 * citizen wrote, the transcript attached by the conversation's id, confirmed by the
 * citizen, who picks the category. Only the conversation's owner files from it (404
 * otherwise); one that belongs to nobody signed in files an anonymous complaint, whose
 * tracking code the transcript keeps.
 */
@Service
class AssistantComplaints {

	/** One category a complaint may be filed under, as the form offers it. */
	record CategoryChoice(String code, String name) {
	}

	/** The complaint as prefilled from the conversation, for the citizen to confirm. */
	record Draft(UUID conversationId, String description, List<CategoryChoice> categories) {
	}

	private final Conversations conversations;

	private final ConversationStore store;

	private final Complaints complaints;

	private final Categories categories;

	private final ReplyTexts texts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AssistantComplaints(Conversations conversations, ConversationStore store, Complaints complaints,
			Categories categories, ReplyTexts texts, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.store = store;
		this.complaints = complaints;
		this.categories = categories;
		this.texts = texts;
		this.events = events;
		this.clock = clock;
	}

	/** The prefilled complaint of the owner's conversation. */
	@Transactional
	public Draft draft(Asker asker, UUID id, Locale locale) {
		Transcript t = conversations.transcript(asker, id);
		return new Draft(id, AgentDesk.citizenWords(t.messages()), choices(locale));
	}

	/** The categories a complaint may be filed under, in the reader's language. */
	List<CategoryChoice> choices(Locale locale) {
		return categories.leaves().stream().map(c -> new CategoryChoice(c.code(), c.name(locale))).toList();
	}

	/**
	 * Files the confirmed complaint; without a description (null), what the citizen wrote
	 * is the description. The conversation says so, with the tracking code.
	 */
	@Transactional
	public Filed file(Asker asker, UUID id, String categoryCode, String description, Locale locale) {
		Instant now = clock.instant();
		Conversation c = conversations.owned(asker, id, now);
		// In a conversation that belongs to nobody signed in the reporter is anonymous,
		// as the speaker is: a token holder's complaint stays out of her name.
		Asker reporter = c.citizen() == null ? asker.anonymous() : asker;
		String text = description == null ? AgentDesk.citizenWords(store.lines(id, 0)) : description;
		Filed filed = complaints.file(reporter.citizen(), new Intake(Channel.ASSISTANT, categoryCode, text, null, null,
				null, List.of(), null, null, null, id, null, null, c.contactChannel()));
		store.say(id, "SYSTEM", null, texts.text(locale, "assistant.complaint.filed", filed.trackingCode()), now);
		events.publishEvent(new ConversationChanged(reporter.actor(), "conversation:" + id, "COMPLAINT_FILED"));
		return filed;
	}

}
