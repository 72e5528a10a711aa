/**
 * Base registries kept by their owning departments, starting with the population registry
 * of the Public Security department. Other modules ask through
 * {@link org.onestop.registry.PopulationRegistry}; every read of a resident's record
 * names its purpose and is audited.
 */
@ApplicationModule(displayName = "Base registries", allowedDependencies = { "shared", "platform" })
package org.onestop.registry;

import org.springframework.modulith.ApplicationModule;
