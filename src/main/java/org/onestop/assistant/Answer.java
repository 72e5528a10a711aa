package org.onestop.assistant;

import java.util.List;

/**
 * What the assistant made of one message from the catalog alone, before any handoff rule
 * applies (those live with the conversation). {@code reply} is in the asker's language.
 */
record Answer(Kind kind, String reply, List<MatterSuggestion> matters, List<Action> actions, String elsewhere) {

	enum Kind {

		/**
		 * One matter fits well: reply says what to bring, where, how long, online or not.
		 */
		MATTER,
		/**
		 * Two or three matters fit: reply asks which, with one CHOOSE action per matter.
		 */
		CHOOSE,
		/**
		 * "Where is my application?": the conversation answers from the signed-in
		 * citizen's own data.
		 */
		MY_APPLICATIONS,
		/** "When is my appointment?": likewise. */
		MY_APPOINTMENTS,
		/** Greetings and thanks. */
		SMALL_TALK,
		/**
		 * The city does not handle it ({@code elsewhere} names the topic of
		 * {@link ElsewhereMatters}): reply says who does, and how to reach them; no
		 * matter is offered.
		 */
		ELSEWHERE,
		/** Nothing fits confidently. */
		UNKNOWN

	}

	Answer {
		matters = List.copyOf(matters);
		actions = List.copyOf(actions);
	}

	Answer(Kind kind, String reply, List<MatterSuggestion> matters, List<Action> actions) {
		this(kind, reply, matters, actions, null);
	}

	/** Two unconfident answers in a row offer a person. */
	boolean confident() {
		return kind != Kind.UNKNOWN;
	}
}
