package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * The declarant applied to customs for a correction of a cleared or released declaration's values (报关单修改申请),
 * with its reason; the values it asks for are on the declaration ({@code correctionApplication}). Customs corrects the
 * declaration or refuses the application.
 */
public record DeclarationCorrectionApplied(UUID declarationId, String declarationNumber, Uscc declarant,
		String appliedBy, String reason, Instant appliedAt) {
}
