/**
 * Citizens' applications and their case files: drafts, submission, the case process with
 * its staff tasks, and the decisions on them. The base package holds the facades
 * ({@code Cases} for other modules) and the records and events they carry; {@code form}
 * the form definitions, prefill and pre-check; {@code vault} the document vault;
 * {@code web} the pages and endpoints.
 */
@ApplicationModule(displayName = "Applications", allowedDependencies = { "shared", "platform", "identity", "registry",
		"catalog", "workflow", "notification", "certificate", "appointment", "queue", "insight" })
package org.onestop.application;

import org.springframework.modulith.ApplicationModule;
