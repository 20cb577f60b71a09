package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.AgencyCode;

/** An agency asked the declarant a question. */
public record DeclarationQueried(UUID declarationId, String declarationNumber, AgencyCode agency, String question, Instant queriedAt) {
}
