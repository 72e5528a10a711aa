/**
 * Public notices and policy explainers: written and published by content editors,
 * sanitised before they are stored, listed by tag, related by shared tags, and offered as
 * an Atom feed.
 */
@ApplicationModule(displayName = "Content", allowedDependencies = { "shared", "platform" })
package org.onestop.content;

import org.springframework.modulith.ApplicationModule;
