package org.onestop.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which published cells rest on too few cases to show (统计披露控制): a cell of fewer than
 * {@link #MIN_CASES} cases, and its channel sibling when all channels are shown, since
 * ALL minus ONLINE would otherwise give the hidden OFFLINE count away.
 */
final class Suppression {

	/** The fewest cases a public cell may rest on. */
	static final int MIN_CASES = 5;

	private Suppression() {
	}

	/** The figures of one month among these that the public may not see (by identity). */
	static Set<Figure> suppressed(List<Figure> figures) {
		Map<List<Object>, List<Figure>> cells = new HashMap<>();
		for (Figure f : figures) {
			cells.computeIfAbsent(List.of(f.measure(), f.scope(), f.subject()), k -> new ArrayList<>()).add(f);
		}
		Set<Figure> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
		for (List<Figure> cell : cells.values()) {
			Figure all = null;
			List<Figure> split = new ArrayList<>();
			for (Figure f : cell) {
				if (f.cases() < MIN_CASES) {
					hidden.add(f);
				}
				if (f.channel() == ChannelGroup.ALL) {
					all = f;
				}
				else {
					split.add(f);
				}
			}
			long hiddenSplit = split.stream().filter(hidden::contains).count();
			// One channel hidden, the total shown: the total gives the hidden one away,
			// so its sibling goes too. (With the total hidden, both channels have fewer
			// cases than it and are hidden already.)
			if (hiddenSplit == 1 && (all == null || !hidden.contains(all))) {
				hidden.addAll(split);
			}
		}
		return hidden;
	}

}
