/**
 * Tiny value types that every module may use: resident ID numbers, the signed-in user's
 * view, and the contract of an audited event. Nothing here holds state or talks to the
 * database.
 */
@ApplicationModule(displayName = "Shared values", type = ApplicationModule.Type.OPEN)
package org.onestop.shared;

import org.springframework.modulith.ApplicationModule;
