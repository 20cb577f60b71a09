package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * Customs recorded the payment of a cleared declaration's duties and taxes (CNY, any late-payment surcharge included),
 * paid on {@code paidOn} under the bank's {@code reference}: its goods may be released.
 */
public record DeclarationDutiesPaid(UUID declarationId, String declarationNumber, Uscc declarant, BigDecimal amount,
		LocalDate paidOn, String reference, String recordedBy, Instant recordedAt) {
}
