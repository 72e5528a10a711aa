/**
 * Citizens' applications and their case files. So far: the document vault, where a citizen keeps
 * each document once and reuses it in any application.
 */
@ApplicationModule(displayName = "Applications", allowedDependencies = { "shared", "platform", "identity", "registry", "catalog", "workflow", "notification", "certificate" })
package org.onestop.application;

import org.springframework.modulith.ApplicationModule;
