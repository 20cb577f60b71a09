package io.singlewindow.permit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A recorded consumption of a permit's quota.
 *
 * @param remainingQuantity quantity quota left after this write-off, {@literal null} if the permit has none
 * @param remainingValue value quota left after this write-off, {@literal null} if the permit has none
 * @param restoredAt when the consumption was given back, else {@literal null}
 */
public record WriteOff(UUID id, UUID declarationId, int lineNo, String permitNumber, BigDecimal quantity,
		BigDecimal valueCny, BigDecimal remainingQuantity, BigDecimal remainingValue, Instant writtenOffAt,
		Instant restoredAt) {
}
