package org.onestop.insight;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * A module's figures (a port: implemented by the module that owns the rows). Insight
 * calls it on one node at a time, under the source's lease, and stores what
 * {@link #compute} returns for a month in place of that month's earlier figures.
 */
public interface FigureSource {

	/**
	 * A stable name, such as {@code applications}: the first part of every key of its
	 * {@link #measures()}.
	 */
	String name();

	/** What it publishes, in the order the pages show them. */
	List<Measure> measures();

	/**
	 * The city months whose figures may have changed because rows were written or changed
	 * at or after {@code since}; every month that has rows when {@code since} is null.
	 * Saying a month too many costs a recomputation; a month too few leaves it stale.
	 */
	Set<YearMonth> monthsChangedSince(Instant since);

	/**
	 * Every figure of one city month, computed from the base rows (never from counters):
	 * each measure for the city, and per department, matter or hall where it applies, for
	 * all channels and split online and offline.
	 */
	List<Figure> compute(YearMonth month);

}
