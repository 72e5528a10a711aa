/**
 * The hall queue: walk-in and appointment tickets drawn from one capacity, fair calling
 * at the counters (checked-in appointments, then the green channel, with a bound on how
 * often a plain ticket is passed over), live wait estimates, and the public hall board
 * fed by server-sent events that every node derives from the database.
 */
@ApplicationModule(displayName = "Hall queue", allowedDependencies = { "shared", "platform", "identity", "appointment",
		"notification", "registry", "insight" })
package org.onestop.queue;

import org.springframework.modulith.ApplicationModule;
