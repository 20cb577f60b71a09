package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/** Customs released the goods of a cleared declaration. */
public record DeclarationReleased(UUID declarationId, String declarationNumber, Uscc declarant, Instant releasedAt) {
}
