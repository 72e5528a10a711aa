package org.onestop.complaint.dispatch;

/**
 * One training example: a complaint of a category whose lead department a dispatcher
 * chose.
 */
record DispatchDecision(String categoryCode, String text, String leadDepartment) {
}
