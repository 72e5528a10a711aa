package org.onestop.catalog;

import java.util.List;

/** One page of search results, and how many matters match in all. */
public record CatalogSearchResults(List<Matter> items, long total) {
}
