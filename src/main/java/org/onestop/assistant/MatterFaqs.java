package org.onestop.assistant;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.onestop.catalog.MatterDefinition.Faq;

/**
 * Picks the one FAQ entry of a matter that the question is really asking, if any:
 * "协议离婚要去几次" is answered by the divorce FAQ on the number of trips. Shared character
 * pairs, so that it works the same for Chinese (no spaces) and English, typos and all;
 * the question is compared with the FAQ question in both languages.
 */
final class MatterFaqs {

	/**
	 * Four shared character pairs: about two words in common beyond the asking words;
	 * fewer is chance.
	 */
	static final int MIN_SHARED = 4;

	private MatterFaqs() {
	}

	static Optional<Faq> best(List<Faq> faqs, String question) {
		Set<String> asked = pairs(question);
		Faq best = null;
		int bestShared = MIN_SHARED - 1;
		for (Faq faq : faqs) {
			int shared = Math.max(shared(asked, pairs(faq.question().zh())), shared(asked, pairs(faq.question().en())));
			if (shared > bestShared) {
				best = faq;
				bestShared = shared;
			}
		}
		return Optional.ofNullable(best);
	}

	private static int shared(Set<String> asked, Set<String> faq) {
		Set<String> common = new HashSet<>(asked);
		common.retainAll(faq);
		return common.size();
	}

	private static Set<String> pairs(String text) {
		Set<String> pairs = new HashSet<>();
		if (text == null) {
			return pairs;
		}
		String letters = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", "");
		for (String word : letters.split("\\s+")) {
			for (int i = 0; i + 2 <= word.length(); i++) {
				pairs.add(word.substring(i, i + 2));
			}
		}
		return pairs;
	}

}
