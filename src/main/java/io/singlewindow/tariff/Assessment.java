package io.singlewindow.tariff;

import java.math.BigDecimal;
import java.util.List;

/**
 * The duties and taxes of a declaration, line by line with the computation shown.
 *
 * @param exchangeRate CNY per unit of the declaration currency used
 */
public record Assessment(BigDecimal exchangeRate, List<Line> lines, BigDecimal totalCustomsValueCny,
		BigDecimal totalDuty, BigDecimal totalExcise, BigDecimal totalVat, BigDecimal totalTaxes) {

	/**
	 * @param rateBasis {@code MFN} or {@code PREF:<agreement>}
	 * @param steps the computation as a person checks it, one step per entry, e.g.
	 *     {@code "duty = 10,000.00 × 8% = 800.00"}
	 */
	public record Line(int lineNo, BigDecimal customsValueCny, String rateBasis, BigDecimal dutyRate,
			BigDecimal duty, BigDecimal exciseRate, BigDecimal excise, BigDecimal vatRate, BigDecimal vat,
			List<String> steps) {

		/** The rates this line was assessed at, for a later {@link DutyAssessor#reassess}. */
		public Rates rates() {
			return new Rates(lineNo, rateBasis, dutyRate, exciseRate, vatRate);
		}
	}

	/** The rates one line was assessed at: what a correction of its value is assessed at again. */
	public record Rates(int lineNo, String rateBasis, BigDecimal dutyRate, BigDecimal exciseRate, BigDecimal vatRate) {
	}
}
