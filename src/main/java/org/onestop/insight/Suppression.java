package org.onestop.insight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which published cells rest on too few cases to show (统计披露控制). Primary: a cell of fewer
 * than {@link #MIN_CASES} cases. Secondary: the public can add and subtract what is
 * published, so wherever cells are published with their total (online + offline = all;
 * the departments', matters' or halls' cells = the city's, in one channel; a measure's
 * declared parts, such as the five rating levels, = its total), a group with exactly one
 * hidden cell would give that cell away; the smallest shown part is hidden too, over and
 * over until no group has a single hidden cell.
 */
final class Suppression {

	/** The fewest cases a public cell may rest on. */
	static final int MIN_CASES = 5;

	/**
	 * Hide the smallest first, then a stable order, so that the same rows hide the same
	 * cells.
	 */
	private static final Comparator<Figure> SMALLEST = Comparator.comparingLong(Figure::cases)
		.thenComparing(Figure::measure)
		.thenComparing(Figure::scope)
		.thenComparing(Figure::subject)
		.thenComparing(Figure::channel);

	private Suppression() {
	}

	/** The figures of one month among these that the public may not see (by identity). */
	static Set<Figure> suppressed(List<Figure> figures) {
		return suppressed(figures, Map.of());
	}

	/**
	 * The figures of one month among these that the public may not see (by identity).
	 * @param partOf measure key to the key of the total it is an additive part of (see
	 * {@link Measure#partOf()})
	 */
	static Set<Figure> suppressed(List<Figure> figures, Map<String, String> partOf) {
		Set<Figure> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Figure f : figures) {
			if (f.cases() < MIN_CASES) {
				hidden.add(f);
			}
		}
		List<Group> groups = groups(figures, partOf);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Group group : groups) {
				changed |= group.protect(hidden);
			}
		}
		return hidden;
	}

	/**
	 * Every published sum among these figures: a total and the parts that add up to it.
	 */
	private static List<Group> groups(List<Figure> figures, Map<String, String> partOf) {
		Map<List<Object>, Figure> cells = new HashMap<>();
		figures.forEach(f -> cells.put(List.of(f.measure(), f.scope(), f.subject(), f.channel()), f));
		Map<List<Object>, List<Figure>> channels = new LinkedHashMap<>();
		Map<List<Object>, List<Figure>> subjects = new LinkedHashMap<>();
		Map<List<Object>, List<Figure>> declared = new LinkedHashMap<>();
		for (Figure f : figures) {
			if (f.channel() != ChannelGroup.ALL) {
				channels
					.computeIfAbsent(List.of(f.measure(), f.scope(), f.subject(), ChannelGroup.ALL),
							k -> new ArrayList<>())
					.add(f);
			}
			if (f.scope() != Scope.CITY) {
				// The subjects of a scope share the city's total (in the same channel).
				subjects
					.computeIfAbsent(List.of(f.measure(), Scope.CITY, "", f.channel(), f.scope()),
							k -> new ArrayList<>())
					.add(f);
			}
			String total = partOf.get(f.measure());
			if (total != null) {
				declared.computeIfAbsent(List.of(total, f.scope(), f.subject(), f.channel()), k -> new ArrayList<>())
					.add(f);
			}
		}
		List<Group> groups = new ArrayList<>();
		channels.forEach((k, parts) -> groups.add(new Group(cells.get(k), parts)));
		subjects.forEach((k, parts) -> groups.add(new Group(cells.get(k.subList(0, 4)), parts)));
		declared.forEach((k, parts) -> groups.add(new Group(cells.get(k), parts)));
		groups.removeIf(g -> g.total() == null);
		return groups;
	}

	/** Published cells that add up: {@code total = sum(parts)}. */
	private record Group(Figure total, List<Figure> parts) {

		/** Hides one more cell if exactly one is hidden; whether it did. */
		boolean protect(Set<Figure> hidden) {
			int count = hidden.contains(this.total) ? 1 : 0;
			for (Figure part : this.parts) {
				if (hidden.contains(part)) {
					count++;
				}
			}
			if (count != 1) {
				return false;
			}
			Figure next = this.parts.stream().filter(p -> !hidden.contains(p)).min(SMALLEST).orElse(this.total);
			return hidden.add(next);
		}

	}

}
