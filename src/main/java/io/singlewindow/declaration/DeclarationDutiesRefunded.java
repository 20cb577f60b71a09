package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * Customs recorded the refund (退税) of what the declarant of a cancelled declaration had paid in duties and taxes
 * (CNY), paid back on {@code paidOn} under the bank's {@code reference}.
 */
public record DeclarationDutiesRefunded(UUID declarationId, String declarationNumber, Uscc declarant, BigDecimal amount,
		LocalDate paidOn, String reference, String recordedBy, Instant recordedAt) {
}
