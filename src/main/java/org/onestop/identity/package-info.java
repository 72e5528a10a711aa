/**
 * Who is who: citizens verified against the population registry, staff with their
 * department and roles, sign-in on pages and by API token, lockout after repeated
 * failures, and the security rules every request passes through. This package is what
 * other modules use: the signed-in user, roles, departments, the staff directory and the
 * events; the rest lives in sub-packages by sub-capability.
 */
@ApplicationModule(displayName = "Identity and access",
		allowedDependencies = { "shared", "platform", "registry", "notification" })
package org.onestop.identity;

import org.springframework.modulith.ApplicationModule;
