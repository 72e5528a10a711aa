package org.onestop.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.onestop.identity.Departments;
import org.onestop.registry.Accessor;
import org.onestop.registry.DataAccess;
import org.onestop.registry.DataItemDefinition;
import org.onestop.registry.Registries;
import org.onestop.shared.LocalizedText;

/**
 * One line of "who used my data", in the reader's language: when, which department (or
 * the citizen, or OneStop itself), which data items, and why. Reads of the same items by
 * the same reader for the same purpose are one line: first and last read, and how often.
 */
public record DataAccessView(Instant at, String who, String kind, String department, List<String> items, String purpose,
		Instant lastAt, int times) {

	/**
	 * The lines for {@code viewer}'s log. A citizen other than the viewer who read it is
	 * a representative acting for them (issue 15): the line says so, and its purpose
	 * names them.
	 */
	static List<DataAccessView> of(List<DataAccess> log, String viewer, Registries registries, Departments departments,
			Locale locale) {
		Map<String, String> labels = registries.items()
			.stream()
			.collect(Collectors.toMap(DataItemDefinition::key, i -> i.label().in(locale)));
		Map<String, String> departmentNames = departments.names(locale);
		return log.stream()
			.map(a -> new DataAccessView(a.at(), a.accessorKind() == Accessor.Kind.OFFICIAL ? a.accessor() : null,
					kind(a, viewer), a.department() == null ? null : departmentNames.get(a.department()),
					a.items().stream().map(i -> labels.getOrDefault(i, i)).toList(),
					LocalizedText.unpacked(a.purpose()).in(locale), a.lastAt(), a.times()))
			.toList();
	}

	private static String kind(DataAccess a, String viewer) {
		return a.accessorKind() == Accessor.Kind.CITIZEN && !a.accessor().equals(viewer) ? "REPRESENTATIVE"
				: a.accessorKind().name();
	}
}
