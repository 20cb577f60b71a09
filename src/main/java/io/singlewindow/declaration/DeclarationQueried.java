package io.singlewindow.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.singlewindow.core.AgencyCode;

/**
 * An agency asked the declarant a question, to be answered by {@code answerBy} (the last day in time, in the zone's
 * calendar).
 */
public record DeclarationQueried(UUID declarationId, String declarationNumber, AgencyCode agency, String question,
		LocalDate answerBy, Instant queriedAt) {
}
