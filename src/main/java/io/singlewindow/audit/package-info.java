/**
 * The tamper-evident audit trail: every decision that changes a person's rights or money appends one row (who, acting
 * for whom, what, when, on what, before and after) in the decision's own transaction; a background sealer chains the
 * rows with SHA-256 so that an administrator can recompute the chain and find the first altered, deleted or reordered
 * row. Other modules call {@link io.singlewindow.audit.AuditTrail#record(AuditRecord)}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity" })
package io.singlewindow.audit;
