package io.singlewindow.tariff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;

/**
 * What a declaration gives for assessment.
 *
 * @param incoterm the Incoterms 2020 rule of the item values (e.g. {@code CIF}, {@code FOB}, {@code EXW})
 * @param freight freight paid in {@code currency} for the whole consignment, {@literal null} if included or nil;
 *     allocated to items by value
 * @param insurance insurance paid in {@code currency}, {@literal null} if included or nil; allocated by value
 * @param date the business date whose month's exchange rate applies
 */
public record AssessmentRequest(TradeFlow flow, String incoterm, CurrencyCode currency, BigDecimal freight,
		BigDecimal insurance, LocalDate date, List<Item> items) {

	/**
	 * @param value the line's value in the declaration currency, on the declaration's incoterm
	 * @param preferenceAgreement the agreement of a certificate of origin the trader presents for this line
	 *     (e.g. {@code RCEP}), else {@literal null}
	 * @param quantity the line's quantity in its tariff line's legal unit (法定第一数量), which a duty or excise levied per
	 *     unit is assessed on; {@literal null} when not known (then a line levied per unit is refused)
	 * @param inQuota whether the line is imported within a tariff-rate quota (关税配额): the declarant presented a
	 *     tariff-quota certificate, which the caller has checked, so the line pays its tariff line's in-quota rate
	 * @param producer the goods' producer (生产商) as the declarant states it, for a trade remedy that sets a rate of
	 *     its own for a named producer; {@literal null} when not stated (the rate for all other producers applies)
	 */
	public record Item(int lineNo, HsCode hsCode, BigDecimal value, CountryCode origin, String preferenceAgreement,
			BigDecimal quantity, boolean inQuota, String producer) {

		/** An item whose producer is not stated. */
		public Item(int lineNo, HsCode hsCode, BigDecimal value, CountryCode origin, String preferenceAgreement,
				BigDecimal quantity, boolean inQuota) {
			this(lineNo, hsCode, value, origin, preferenceAgreement, quantity, inQuota, null);
		}

		/** An item outside any tariff-rate quota. */
		public Item(int lineNo, HsCode hsCode, BigDecimal value, CountryCode origin, String preferenceAgreement,
				BigDecimal quantity) {
			this(lineNo, hsCode, value, origin, preferenceAgreement, quantity, false, null);
		}

		/** An item whose quantity is not given: enough for a line whose rates are all ad valorem. */
		public Item(int lineNo, HsCode hsCode, BigDecimal value, CountryCode origin, String preferenceAgreement) {
			this(lineNo, hsCode, value, origin, preferenceAgreement, null, false, null);
		}
	}
}
