package io.singlewindow.permit;

import java.math.BigDecimal;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * A declaration item line consumed part of a permit's quota.
 *
 * @param remainingQuantity quantity quota left, {@literal null} if the permit carries none
 * @param remainingValue value quota left in CNY, {@literal null} if the permit carries none
 */
public record PermitQuotaWrittenOff(UUID writeOffId, String permitNumber, Uscc holder, UUID declarationId, int lineNo,
		BigDecimal quantity, BigDecimal valueCny, BigDecimal remainingQuantity, BigDecimal remainingValue) {
}
