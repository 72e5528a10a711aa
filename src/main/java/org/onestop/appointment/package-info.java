/**
 * Service halls, and (as later features arrive) their counters, opening hours and the appointments
 * that share one capacity with walk-in tickets.
 */
@ApplicationModule(displayName = "Appointments and service halls", allowedDependencies = { "shared", "platform", "identity", "notification" })
package org.onestop.appointment;

import org.springframework.modulith.ApplicationModule;
