package org.onestop.complaint.dispatch;

/**
 * What a leaf category says about dispatch: its lead department, and whether that is
 * certain enough to dispatch without a dispatcher.
 */
public record CategoryRule(String code, String leadDepartment, boolean certain) {
}
