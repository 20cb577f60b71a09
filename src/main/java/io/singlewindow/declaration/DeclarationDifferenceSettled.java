package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * Customs recorded the settlement of what a correction made after the payment or the release changed in duties and
 * taxes, on the correction's own notice: {@code COLLECT}, the declarant paid what it added (补税; CNY, any late-payment
 * surcharge included), or {@code REFUND}, customs paid back what it took off (退税); on {@code paidOn} under the
 * bank's {@code reference}.
 */
public record DeclarationDifferenceSettled(UUID declarationId, String declarationNumber, Uscc declarant,
		UUID correctionId, String kind, BigDecimal amount, BigDecimal surcharge, LocalDate paidOn, String reference,
		String recordedBy, Instant recordedAt) {
}
