/**
 * Who is who: citizens verified against the population registry, staff with their department and
 * roles, sign-in on pages and by API token, lockout after repeated failures, and the security
 * rules every request passes through.
 */
@ApplicationModule(displayName = "Identity and access", allowedDependencies = { "shared", "platform", "registry" })
package org.onestop.identity;

import org.springframework.modulith.ApplicationModule;
