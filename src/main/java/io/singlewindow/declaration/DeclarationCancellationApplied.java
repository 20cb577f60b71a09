package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * The declarant applied to customs for the cancellation of a cleared or released declaration (报关单撤销申请), with
 * its reason; customs cancels it or refuses the application.
 */
public record DeclarationCancellationApplied(UUID declarationId, String declarationNumber, Uscc declarant,
		String appliedBy, String reason, Instant appliedAt) {
}
