package io.singlewindow.permit;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.singlewindow.core.Uscc;

/**
 * An issued permit as other modules see it.
 *
 * @param status {@code IN_FORCE}, {@code SUSPENDED}, {@code REVOKED} or {@code EXPIRED}
 * @param remainingQuantity quantity quota left, {@literal null} if the permit carries none
 * @param remainingValue value quota left in CNY, {@literal null} if the permit carries none
 */
public record HeldPermit(String number, String catalogueCode, Uscc holder, LocalDate validFrom, LocalDate validUntil,
		String status, BigDecimal remainingQuantity, String quotaUnit, BigDecimal remainingValue) {
}
