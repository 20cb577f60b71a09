package io.singlewindow.tariff;

/**
 * Assesses duties and taxes of a declaration with exact decimal arithmetic, rounding each amount to the fen:
 * customs value in CNY (imports CIF, exports FOB) at the month's customs rate; duty = value × rate, plus quantity ×
 * the amount per unit where the line levies one (从量税, 复合税); excise (ad valorem) = (value + duty) / (1 − rate) ×
 * rate, per unit = quantity × amount, both (复合计征) = (value + duty + quantity × amount) / (1 − rate) × rate +
 * quantity × amount; VAT = (value + duty + excise) × VAT rate, the duty in the excise's and the VAT's basis including
 * the trade-remedy duties (anti-dumping, countervailing, safeguard: customs value × their rates, levied besides the
 * customs duty and never waived). A consignment's duty,
 * excise or VAT of 50 CNY or less is not collected ({@link Assessment.Waived}), and the taxes after it are on what is
 * collected of it.
 */
public interface DutyAssessor {

	/**
	 * @throws io.singlewindow.core.Problem {@code TARIFF_LINE_UNKNOWN} (field {@code items[i].hsCode}),
	 *     {@code EXCHANGE_RATE_MISSING} (field {@code currency}) or {@code QUANTITY_REQUIRED} (field
	 *     {@code items[i].quantity}: an import on a line levied per unit, without its quantity)
	 */
	Assessment assess(AssessmentRequest request);

	/**
	 * Assesses corrected values at the rates an earlier assessment applied: its exchange rate and each line's rate
	 * basis, duty, excise and VAT rates, and what it levied per unit on the quantity then assessed. A correction after
	 * clearance changes what was declared, not the tariff in force when the declaration was accepted: rates changed
	 * since, or a month's exchange rate set afresh, do not apply to it.
	 * Freight and insurance are allocated afresh over the corrected values. {@code request.date()} is not read.
	 *
	 * @param rates the earlier assessment's rates, one for every line of the request
	 * @throws io.singlewindow.core.Problem for amounts out of range, as {@link #assess} does
	 */
	Assessment reassess(AssessmentRequest request, java.math.BigDecimal exchangeRate, java.util.List<Assessment.Rates> rates);
}
