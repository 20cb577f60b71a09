package io.singlewindow.declaration;

import java.time.Instant;
import java.util.UUID;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;

/** A declaration was accepted and routed. */
public record DeclarationSubmitted(UUID declarationId, String declarationNumber, Uscc declarant, TradeFlow flow, Instant submittedAt) {
}
