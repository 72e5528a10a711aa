/**
 * Applications a hotline agent prepares from a call (issue 15): kept apart from
 * applications until the citizen confirms one, online from the inbox link or at a counter
 * with the citizen present; then it is submitted through the HOTLINE channel in the
 * agent's name.
 */
package org.onestop.application.hotline;
