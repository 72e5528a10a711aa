/**
 * The service catalog: matters (事项) with everything a citizen needs to know before
 * applying, in versions that never change once an application refers to them; life events
 * that group matters; and search in Chinese and English. This package is the module's API
 * (the {@link org.onestop.catalog.Catalog} facade, matters, life events, queries, events)
 * with the stores, rules, cache and index sync behind it; {@code search} holds the Lucene
 * index, {@code web} the public pages and API, {@code admin} the editors'.
 */
@ApplicationModule(displayName = "Service catalog",
		allowedDependencies = { "shared", "platform", "identity", "appointment" })
package org.onestop.catalog;

import org.springframework.modulith.ApplicationModule;
