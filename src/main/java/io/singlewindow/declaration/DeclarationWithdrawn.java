package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * The declarant withdrew a declaration still under review or queried, with its reason: no agency decides it any more
 * and its permit write-offs were restored.
 */
public record DeclarationWithdrawn(UUID declarationId, String declarationNumber, Uscc declarant, String withdrawnBy,
		String reason, Instant withdrawnAt) {
}
