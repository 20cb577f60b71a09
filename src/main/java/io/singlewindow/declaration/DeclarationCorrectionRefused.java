package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * Customs refused the declarant's application for a correction, with the reason the declarant reads; the declaration
 * stays as it was, and the declarant may apply again.
 */
public record DeclarationCorrectionRefused(UUID declarationId, String declarationNumber, Uscc declarant,
		String refusedBy, String reason, Instant refusedAt) {
}
