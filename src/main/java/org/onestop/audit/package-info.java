/**
 * The append-only audit log: every state change and every read of a citizen's registry
 * data, chained with HMAC under a key the database never holds and anchored by
 * checkpoints written outside it. It only listens
 * ({@link org.onestop.shared.AuditableEvent}); auditors verify the chain against the
 * checkpoints.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "platform" })
package org.onestop.audit;

import org.springframework.modulith.ApplicationModule;
