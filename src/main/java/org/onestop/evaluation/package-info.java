/**
 * 好差评 (issue 17): every finished service rated on the national five levels; a bad,
 * verified rating opens a follow-up for the department that delivered the service, with
 * working-day clocks; ratings a department flags as malicious are excluded only by a
 * services supervisor; every rating carries what OneStop knew of the service, so that
 * heads see the causes ranked.
 * <p>
 * The modules it rates know nothing of it: it learns that a service finished from their
 * events and reads them through their facades.
 */
@ApplicationModule(displayName = "Evaluation (好差评)", allowedDependencies = { "shared", "platform", "identity",
		"notification", "catalog", "application", "appointment", "queue", "assistant", "complaint", "insight" })
package org.onestop.evaluation;

import org.springframework.modulith.ApplicationModule;
