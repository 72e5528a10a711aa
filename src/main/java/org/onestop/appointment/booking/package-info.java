/**
 * Slots and their capacity, online booking (book, cancel, reschedule, the daily limit),
 * the appointment at the hall (check-in, completion, no-shows), and the suspensions that
 * no-shows bring with the appeals against them.
 */
package org.onestop.appointment.booking;
