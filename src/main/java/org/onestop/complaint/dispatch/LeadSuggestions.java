package org.onestop.complaint.dispatch;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/** Placeholder until the classifier lands: the category rule alone. */
@Service
public class LeadSuggestions {

	public Suggestion suggest(CategoryRule rule, String text) {
		return new Suggestion(rule.leadDepartment(), rule.certain() ? 1.0 : 0.5, rule.certain());
	}

	public List<Suggestion> ranked(CategoryRule rule, String text, int k) {
		return List.of(suggest(rule, text));
	}

	public void learn(String categoryCode, String text, String leadDepartment, Instant decidedAt) {
	}

}
