/**
 * The platform every module stands on: the database (embedded or external), time,
 * languages and message bundles, the page shell (layout, large-text mode), and RFC 9457
 * problem details for every error. It knows no business capability.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package org.onestop.platform;

import org.springframework.modulith.ApplicationModule;
