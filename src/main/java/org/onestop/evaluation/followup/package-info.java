/**
 * Follow-ups of bad ratings (整改, issue 17): a verified rating of 不满意 or 非常不满意 opens one
 * for the department that delivered the service, with clocks on the working-day calendar
 * (contact the citizen within 1 working day, reply within the department's working days),
 * a warning to the department's handlers and an escalation to its head, the ledger of
 * fixes that take longer, the citizen's verdict on the reply, and malicious-rating flags
 * that only a supervisor of the services administration decides.
 */
package org.onestop.evaluation.followup;
