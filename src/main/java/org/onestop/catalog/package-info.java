/**
 * The service catalog: matters (事项) with everything a citizen needs to know before applying, in
 * versions that never change once an application refers to them; life events that group matters;
 * and search in Chinese and English.
 */
@ApplicationModule(displayName = "Service catalog", allowedDependencies = { "shared", "platform", "identity", "appointment" })
package org.onestop.catalog;

import org.springframework.modulith.ApplicationModule;
