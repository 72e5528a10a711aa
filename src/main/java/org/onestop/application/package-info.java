/**
 * Citizens' applications and their case files: the document vault, prefilled forms and drafts, the
 * pre-check, submission, the case process with its staff tasks, and the pages for both.
 */
@ApplicationModule(displayName = "Applications", allowedDependencies = { "shared", "platform", "identity", "registry",
		"catalog", "workflow", "notification", "certificate", "appointment", "queue" })
package org.onestop.application;

import org.springframework.modulith.ApplicationModule;
