/**
 * Insight (issue 17, promise P8): the figures people can look at. Every module that has
 * something to publish implements {@link org.onestop.insight.FigureSource}; insight keeps
 * each source's figures per city month in {@code insight_figure}, refreshed incrementally
 * under a lease (safe on many nodes), and shows them on {@code /figures} (public, small
 * cells suppressed), on the staff's figures page and as open data (CSV and JSON).
 * <p>
 * Insight depends on no module whose figures it shows: a new series is a new source bean
 * in its own module, with its measures' names in the message bundles.
 */
@ApplicationModule(displayName = "Insight (figures)",
		allowedDependencies = { "shared", "platform", "identity", "appointment" })
package org.onestop.insight;

import org.springframework.modulith.ApplicationModule;
