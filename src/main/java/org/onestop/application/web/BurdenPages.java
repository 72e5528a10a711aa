package org.onestop.application.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onestop.application.ChannelFigures;
import org.onestop.application.ChannelSplit;
import org.onestop.platform.Shell;

/**
 * What the burden page shows: the period, the department counted, and one row per channel
 * with the online, offline and overall sums, every figure written out and every channel
 * named in the reader's language.
 */
public final class BurdenPages {

	private BurdenPages() {
	}

	/**
	 * The page.
	 *
	 * @param departments the departments an administrator or auditor may choose; empty
	 * for a department head, who sees their own
	 */
	public record BurdenPage(String from, String to, String department, String scopeName, List<Option> departments,
			List<String> subjects, List<Row> channels, List<Row> sums, Map<String, String> errors) {

		static BurdenPage of(ChannelSplit split, Map<String, String> choices, Map<String, String> names,
				Map<String, String> errors, Shell shell) {
			List<Option> options = new ArrayList<>();
			choices.forEach((code, name) -> options.add(new Option(code, name)));
			String scope = split.department() == null ? shell.t("burden.channels.city")
					: names.getOrDefault(split.department(), split.department());
			List<String> subjects = split.subjects()
				.stream()
				.map(s -> shell.t("burden.channels.subject." + s))
				.toList();
			List<Row> channels = split.channels()
				.stream()
				.map(c -> Row.of(shell.t(c.channel().key()), c, split.subjects(), false))
				.toList();
			List<Row> sums = List.of(Row.of(shell.t("burden.channels.online"), split.online(), split.subjects(), true),
					Row.of(shell.t("burden.channels.offline"), split.offline(), split.subjects(), true),
					Row.of(shell.t("burden.channels.total"), split.total(), split.subjects(), true));
			return new BurdenPage(split.from().toString(), split.to().toString(),
					split.department() == null ? "" : split.department(), scope, options, subjects, channels, sums,
					errors);
		}

	}

	/** A department to choose. */
	public record Option(String code, String name) {
	}

	/**
	 * One channel's figures, or a sum's, as written on the page.
	 *
	 * @param counted the appointments, tickets, complaints and conversations, in the
	 * order of the page's subjects
	 */
	public record Row(String name, boolean sum, int applications, String averageDays, int trips, int fieldsTyped,
			int fieldsPrefilled, int documentsUploaded, int documentsReused, int supplementRounds,
			List<Integer> counted) {

		static Row of(String name, ChannelFigures f, List<String> subjects, boolean sum) {
			return new Row(name, sum, f.applications(),
					f.averageWorkingDaysToDecision() == null ? "—" : f.averageWorkingDaysToDecision().toString(),
					f.trips(), f.fieldsTyped(), f.fieldsPrefilled(), f.documentsUploaded(), f.documentsReused(),
					f.supplementRounds(), subjects.stream().map(s -> f.counted().getOrDefault(s, 0)).toList());
		}

	}

}
