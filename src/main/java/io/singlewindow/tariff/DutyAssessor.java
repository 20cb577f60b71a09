package io.singlewindow.tariff;

/**
 * Assesses duties and taxes of a declaration with exact decimal arithmetic, rounding each amount to the fen:
 * customs value in CNY (imports CIF, exports FOB) at the month's customs rate; duty = value × rate; excise (ad
 * valorem) = (value + duty) / (1 − rate) × rate; VAT = (value + duty + excise) × VAT rate.
 */
public interface DutyAssessor {

	/**
	 * @throws io.singlewindow.core.Problem {@code TARIFF_LINE_UNKNOWN} (field {@code items[i].hsCode}) or
	 *     {@code EXCHANGE_RATE_MISSING} (field {@code currency})
	 */
	Assessment assess(AssessmentRequest request);
}
