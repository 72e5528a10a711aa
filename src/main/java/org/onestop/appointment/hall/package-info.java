/**
 * The service halls as data: their tables and the per-node layout cache behind a version,
 * the administrators' changes to a hall's settings, hours, matter groups, counters and
 * staff, and the demo halls.
 */
package org.onestop.appointment.hall;
