package org.onestop.queue;

/**
 * The calling order as SQL, shared by call-next and the positions shown to citizens, so
 * that both agree. Rank 0: a plain ticket passed over maxSkips times; 1: an appointment
 * within its window (slot start − 15 min to slot end); 2: the green channel; 3: everybody
 * else. Within a rank, arrival order.
 */
final class Ranking {

	/** Whether a ticket is an appointment inside its window at :now. */
	static final String IN_WINDOW = "coalesce(CAST(:now AS timestamptz) BETWEEN window_start AND window_end, false)";

	/** A plain ticket: neither in-window appointment nor green channel. */
	static final String PLAIN = "(priority IS NULL AND NOT " + IN_WINDOW + ")";

	static final String RANK = "CASE WHEN " + PLAIN + " AND skips >= :maxSkips THEN 0 WHEN " + IN_WINDOW
			+ " THEN 1 WHEN priority IS NOT NULL THEN 2 ELSE 3 END";

	private Ranking() {
	}

}
