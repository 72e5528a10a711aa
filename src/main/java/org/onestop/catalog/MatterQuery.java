package org.onestop.catalog;

import org.onestop.catalog.MatterDefinition.Channel;

/**
 * A search of the catalog: free text (Chinese or English, may be blank) and filters.
 *
 * @param page zero-based
 */
public record MatterQuery(String text, String lifeEvent, String department, Channel channel, int page, int size) {

	public static final int MAX_SIZE = 100;

	public MatterQuery {
		if (page < 0 || size < 1 || size > MAX_SIZE || (long) (page + 1) * size > 10_000) {
			throw new IllegalArgumentException("page and size out of range");
		}
	}
}
