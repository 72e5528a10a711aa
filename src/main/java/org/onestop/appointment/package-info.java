/**
 * Service halls (counters, opening hours, matter groups) and the appointments that share
 * one capacity with walk-in tickets. The base package is the module's API: the facades
 * {@code Appointments}, {@code Halls} and {@code ServiceHalls}, the records they return,
 * the ports other modules implement, and the events.
 */
@ApplicationModule(displayName = "Appointments and service halls",
		allowedDependencies = { "shared", "platform", "identity", "notification" })
package org.onestop.appointment;

import org.springframework.modulith.ApplicationModule;
