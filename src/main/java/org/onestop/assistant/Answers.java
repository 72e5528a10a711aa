package org.onestop.assistant;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Answers a question from the catalog and each matter's FAQ. Placeholder until retrieval lands: knows nothing. */
@Component
class Answers {

	Answer answer(String text, Locale locale) {
		return new Answer(Answer.Kind.UNKNOWN, "", List.of(), List.of());
	}
}
