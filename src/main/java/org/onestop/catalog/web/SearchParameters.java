package org.onestop.catalog.web;

import java.util.ArrayList;
import java.util.List;

import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.catalog.MatterQuery;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;

/**
 * Turns request parameters into a {@link MatterQuery}, naming every bad parameter at
 * once.
 */
final class SearchParameters {

	private SearchParameters() {
	}

	static MatterQuery parse(String q, String lifeEvent, String department, String channel, String page, String size) {
		List<FieldProblem> problems = new ArrayList<>();
		Channel parsedChannel = null;
		if (channel != null && !channel.isBlank()) {
			try {
				parsedChannel = Channel.valueOf(channel.strip().toUpperCase());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("channel", "catalog.search.channel.invalid"));
			}
		}
		int parsedPage = number(page, 0, 499, "page", problems);
		int parsedSize = number(size, 1, MatterQuery.MAX_SIZE, "size", problems);
		if (problems.isEmpty() && (long) (parsedPage + 1) * parsedSize > 10_000) {
			problems.add(new FieldProblem("page", "catalog.search.page.too-deep"));
		}
		if (q != null && q.length() > 200) {
			problems.add(new FieldProblem("q", "catalog.search.q.too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new MatterQuery(q, blankToNull(lifeEvent), blankToNull(department), parsedChannel, parsedPage,
				parsedSize);
	}

	private static int number(String value, int min, int max, String field, List<FieldProblem> problems) {
		try {
			int n = Integer.parseInt(value.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "catalog.search." + field + ".invalid", min, max));
		return min;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
