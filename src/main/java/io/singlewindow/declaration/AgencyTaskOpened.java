package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.AgencyCode;

/**
 * An agency's task of a declaration now waits for an officer: no rule could decide it ({@code policyCode} says why),
 * or the declarant answered the agency's query ({@code ANSWERED}). One task per agency and declaration.
 */
public record AgencyTaskOpened(UUID declarationId, String declarationNumber, AgencyCode agency, String policyCode,
		Instant openedAt) {
}
