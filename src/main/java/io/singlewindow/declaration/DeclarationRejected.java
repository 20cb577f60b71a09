package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.AgencyCode;

/** An agency rejected a declaration; permit write-offs were restored. */
public record DeclarationRejected(UUID declarationId, String declarationNumber, AgencyCode agency, String reason, Instant rejectedAt) {
}
