package org.onestop.registry;

import java.time.Instant;
import java.util.List;

/**
 * One use of a citizen's registry data, as the citizen sees it on "who used my data": the
 * reads of the same items by the same accessor for the same purpose are one use.
 *
 * @param at when it was first read for this purpose
 * @param lastAt when it was last read for this purpose
 * @param times how often it was read for this purpose
 */
public record DataAccess(Instant at, String registry, List<String> items, String accessor, Accessor.Kind accessorKind,
		String department, String purpose, Instant lastAt, int times) {
}
