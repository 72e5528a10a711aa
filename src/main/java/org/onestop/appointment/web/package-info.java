/**
 * The appointment module's pages and JSON API (halls, slots, appointments, appeals, hall
 * administration), and the page models its jte templates read.
 */
package org.onestop.appointment.web;
