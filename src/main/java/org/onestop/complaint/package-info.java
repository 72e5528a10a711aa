/**
 * Complaints handled, not bounced (P6): one record per complaint from every channel (web,
 * assistant, chat, phone, Open311), dispatch to exactly one lead department with
 * co-handlers, returns (退单) once per department with the dispatcher as arbiter, clocks
 * per urgency tier on Flowable timers, the citizen's verdict with reopening, follow-up
 * calls, and the three public rates. The base package holds the facades
 * ({@code Complaints} for reporters, {@code Dispatch} for the dispatch centre,
 * {@code Handling} for departments) and the records and events they carry;
 * {@code dispatch} the lead-department suggestions; {@code web} the pages and endpoints;
 * {@code open311} the GeoReport v2 endpoint.
 */
@ApplicationModule(displayName = "Complaints", allowedDependencies = { "shared", "platform", "identity", "notification",
		"workflow", "application::vault", "insight" })
package org.onestop.complaint;

import org.springframework.modulith.ApplicationModule;
