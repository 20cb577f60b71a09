package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * Customs accepted a guarantee for a cleared declaration's duties and taxes before their payment (担保放行): a
 * {@code DEPOSIT} (保证金) or a {@code BANK_GUARANTEE} (保函, valid to {@code validUntil}) covering {@code amount} CNY.
 * Its goods may be released; the duties stay owed by their last day.
 */
public record DeclarationDutiesGuaranteed(UUID declarationId, String declarationNumber, Uscc declarant, String kind,
		BigDecimal amount, LocalDate validUntil, String reference, String recordedBy, Instant recordedAt) {
}
