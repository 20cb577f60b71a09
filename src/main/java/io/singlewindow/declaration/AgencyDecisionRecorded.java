package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.AgencyCode;

/** An agency decided its task of a declaration, by rule or by an officer; {@code decision} is the task status. */
public record AgencyDecisionRecorded(UUID declarationId, String declarationNumber, AgencyCode agency, String decision, String actor, String reason, Instant decidedAt) {
}
