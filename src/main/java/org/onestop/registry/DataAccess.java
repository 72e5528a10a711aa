package org.onestop.registry;

import java.time.Instant;
import java.util.List;

/**
 * One read of a citizen's registry data, as the citizen sees it on "who used my data".
 */
public record DataAccess(Instant at, String registry, List<String> items, String accessor, Accessor.Kind accessorKind,
		String department, String purpose) {
}
