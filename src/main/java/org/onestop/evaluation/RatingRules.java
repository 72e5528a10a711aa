package org.onestop.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * What a rating may say: a level of the five, reasons from the list that fit the level
 * (complaints with 基本满意 and below, praise with 满意 and above), a comment of at most 1000
 * characters with no control or direction-changing characters (which could make a comment
 * read differently on a staff screen than it was written).
 */
@Component
class RatingRules {

	static final int MAX_COMMENT = 1000;

	private final RatingStore store;

	RatingRules(RatingStore store) {
		this.store = store;
	}

	List<RatingReason> reasons() {
		return store.reasons();
	}

	Checked check(Ratings.Verdict verdict) {
		List<FieldProblem> problems = new ArrayList<>();
		Integer level = verdict.level();
		if (level == null || level < 1 || level > 5) {
			problems.add(new FieldProblem("level", "evaluation.rating.level.required"));
		}
		Map<String, RatingReason> known = reasons().stream()
			.collect(Collectors.toMap(RatingReason::code, Function.identity()));
		for (String code : verdict.reasons()) {
			RatingReason reason = code == null ? null : known.get(code);
			if (reason == null) {
				problems.add(new FieldProblem("reasons", "evaluation.rating.reason.unknown"));
				break;
			}
			if (level != null && level >= 1 && level <= 5 && !reason.fits(level)) {
				problems.add(new FieldProblem("reasons", reason.praise() ? "evaluation.rating.reason.praise-only"
						: "evaluation.rating.reason.complaint-only"));
				break;
			}
		}
		String comment = verdict.comment() == null ? null : verdict.comment().strip();
		if (comment != null && comment.length() > MAX_COMMENT) {
			problems.add(new FieldProblem("comment", "evaluation.rating.comment.too-long", MAX_COMMENT));
		}
		else if (comment != null && !printable(comment)) {
			problems.add(new FieldProblem("comment", "evaluation.rating.comment.characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<String> ordered = reasons().stream().map(RatingReason::code).filter(verdict.reasons()::contains).toList();
		return new Checked(level, ordered, comment == null || comment.isEmpty() ? null : comment);
	}

	/**
	 * Line breaks and tabs pass; other control, format (bidi) and unassigned characters
	 * do not.
	 */
	static boolean printable(String text) {
		return text.codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
					Character.SURROGATE ->
				false;
			default -> true;
		});
	}

}
