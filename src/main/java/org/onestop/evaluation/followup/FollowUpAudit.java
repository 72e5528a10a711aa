package org.onestop.evaluation.followup;

import org.onestop.shared.AuditableEvent;

/**
 * A follow-up, flag or department setting changed: written to the audit trail in the
 * change's transaction.
 */
record FollowUpAudit(String actor, String action, String subject, String summary) implements AuditableEvent {
}
