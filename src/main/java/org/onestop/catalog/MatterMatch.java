package org.onestop.catalog;

/**
 * A published matter and how well it matches a citizen's question. The score is the
 * search engine's relevance: comparable between the matters of one question, not between
 * questions or catalogs.
 */
public record MatterMatch(Matter matter, double score) {
}
