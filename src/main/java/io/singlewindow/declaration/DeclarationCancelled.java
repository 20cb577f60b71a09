package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * Customs cancelled a cleared or released declaration (报关单撤销), with its reason: the goods did not move under it
 * after all (an export not shipped, goods returned, declared twice). It no longer counts in the trade statistics and
 * its permit write-offs were restored.
 */
public record DeclarationCancelled(UUID declarationId, String declarationNumber, Uscc declarant, String cancelledBy,
		String reason, Instant cancelledAt) {
}
