package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * Customs corrected the declared values of a cleared or released declaration (报关单修改), with its reason: its lines
 * were assessed again at the rates first applied. The difference of its duties and taxes is what customs collects
 * (补税, positive) or refunds (退税, negative); the trade statistics revise the corrected lines' values.
 *
 * @param taxesBefore the declaration's duties and taxes before the correction, in CNY
 * @param taxesAfter the same after it
 * @param lines every line whose declared value changed, with its statistical value as corrected
 */
public record DeclarationCorrected(UUID declarationId, String declarationNumber, Uscc declarant, String correctedBy,
		String reason, Instant correctedAt, BigDecimal taxesBefore, BigDecimal taxesAfter, List<Line> lines) {

	public DeclarationCorrected {
		lines = List.copyOf(lines);
	}

	/**
	 * @param valueCny the line's statistical value as corrected, in CNY: CIF for imports, FOB for exports
	 * @param valueUsd the same in USD at the customs rate of the clearance month (as {@link DeclarationCleared}
	 *     gives it), {@literal null} when that month has no rate
	 */
	public record Line(int lineNo, BigDecimal valueCny, BigDecimal valueUsd) {
	}

	/** What customs collects (positive, 补税) or refunds (negative, 退税), in CNY. */
	public BigDecimal taxDifference() {
		return taxesAfter.subtract(taxesBefore);
	}
}
