/**
 * Catalog search: this node's Lucene index of the published matters, and the analysis
 * chain (Chinese segmentation, English stemming, synonyms) it indexes and queries with.
 * No database here: the catalog feeds the index and reads the matters it finds.
 */
package org.onestop.catalog.search;
