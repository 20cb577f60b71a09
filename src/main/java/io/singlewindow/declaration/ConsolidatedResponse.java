package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the single window answers about a declaration now, as other channels (an EDIFACT CUSRES, a WCO DM Response)
 * write it: its number, consolidated status and, once assessed, its duties and taxes in CNY.
 *
 * @param status the consolidated status ({@code UNDER_REVIEW}, {@code CLEARED} …)
 * @param version grows with every change of the declaration: a response of a higher version replaces the earlier
 * @param totalDuty {@literal null} before the declaration is assessed (and the other totals with it)
 */
public record ConsolidatedResponse(UUID id, String number, String declarant, String clientReference, String status,
		int version, Instant updatedAt, BigDecimal totalCustomsValue, BigDecimal totalDuty, BigDecimal totalExcise,
		BigDecimal totalVat, BigDecimal totalTaxes) {
}
