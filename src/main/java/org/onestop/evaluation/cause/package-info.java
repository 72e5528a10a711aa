/**
 * Every bad rating traced to its cause (issue 17): tracers that record what OneStop knew
 * of each rated service (the matter, the pre-check rules that fired, supplements,
 * rejections, trips, waits, handoffs), and the department heads' page that ranks those
 * causes by the share of a matter's bad ratings that carry them.
 */
package org.onestop.evaluation.cause;
