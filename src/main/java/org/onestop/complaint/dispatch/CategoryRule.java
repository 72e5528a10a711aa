package org.onestop.complaint.dispatch;

/**
 * A category's dispatch rule: its lead department, and whether the rule alone decides.
 */
public record CategoryRule(String code, String leadDepartment, boolean certain) {
}
