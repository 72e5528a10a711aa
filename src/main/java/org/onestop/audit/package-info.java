/**
 * The append-only, hash-chained audit log: every state change and every read of a citizen's
 * registry data. It only listens ({@link org.onestop.shared.AuditableEvent}); auditors verify the chain.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "platform" })
package org.onestop.audit;

import org.springframework.modulith.ApplicationModule;
