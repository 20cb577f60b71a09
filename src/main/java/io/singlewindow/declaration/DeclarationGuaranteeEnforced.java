package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * The last day to pay passed with the duties unpaid and customs took them, with the late-payment surcharge, from the
 * guarantee it had released the goods against (从担保中抵缴): a deposit ({@code kind} {@code DEPOSIT}) converted, or the
 * bank's payment under its letter ({@code BANK_GUARANTEE}); {@code amount} CNY on {@code paidOn} under
 * {@code reference}. The duties are paid; a bank's letter leaves the declarant owing its bank.
 */
public record DeclarationGuaranteeEnforced(UUID declarationId, String declarationNumber, Uscc declarant, String kind,
		BigDecimal amount, LocalDate paidOn, String reference, String recordedBy, Instant recordedAt) {
}
