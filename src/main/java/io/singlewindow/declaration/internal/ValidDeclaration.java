package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.List;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.tariff.TariffLine;

/** A declaration that passed validation, with typed values and the tariff line of every item. */
record ValidDeclaration(Uscc declarant, String clientReference, TradeFlow flow, String tradeMode,
		String transportMode, LoCode port, CountryCode originCountry, CountryCode destinationCountry,
		CountryCode tradingCountry, CurrencyCode currency, String incoterm, BigDecimal freight, BigDecimal insurance,
		int packages, BigDecimal grossWeight, BigDecimal netWeight, String consignor, String consignee,
		List<Item> items, List<String> warnings) {

	/**
	 * @param tariffQuotaCertificate the tariff-quota certificate the line presents for the in-quota rate, if any
	 * @param producer the goods' producer as declared, for a trade remedy's rate of its own, if stated
	 */
	record Item(int lineNo, HsCode hsCode, TariffLine tariffLine, String description, BigDecimal quantity,
			UnitCode unit, BigDecimal statisticalQuantity, BigDecimal value, CountryCode origin, String permitNumber,
			String certificateAgreement, String certificateNumber, String tariffQuotaCertificate, String producer) {

		/** A line whose producer is not stated. */
		Item(int lineNo, HsCode hsCode, TariffLine tariffLine, String description, BigDecimal quantity,
				UnitCode unit, BigDecimal statisticalQuantity, BigDecimal value, CountryCode origin, String permitNumber,
				String certificateAgreement, String certificateNumber, String tariffQuotaCertificate) {
			this(lineNo, hsCode, tariffLine, description, quantity, unit, statisticalQuantity, value, origin,
					permitNumber, certificateAgreement, certificateNumber, tariffQuotaCertificate, null);
		}

		/** A line outside any tariff-rate quota. */
		Item(int lineNo, HsCode hsCode, TariffLine tariffLine, String description, BigDecimal quantity, UnitCode unit,
				BigDecimal statisticalQuantity, BigDecimal value, CountryCode origin, String permitNumber,
				String certificateAgreement, String certificateNumber) {
			this(lineNo, hsCode, tariffLine, description, quantity, unit, statisticalQuantity, value, origin,
					permitNumber, certificateAgreement, certificateNumber, null, null);
		}

		/**
		 * The line as a permit's quota counts it: its statistical quantity in the tariff line's legal unit when the line
		 * gives one (quotas are set in legal units: 40 cartons of 310 kg count as 310 KGM), else as declared.
		 */
		boolean countedInLegalUnit() {
			return statisticalQuantity != null && tariffLine != null && tariffLine.legalUnit() != null;
		}

		BigDecimal countedQuantity() {
			return countedInLegalUnit() ? statisticalQuantity : quantity;
		}

		UnitCode countedUnit() {
			return countedInLegalUnit() ? tariffLine.legalUnit() : unit;
		}

		/**
		 * The quantity in the tariff line's legal unit (法定第一数量) that a duty or excise levied per unit is assessed on:
		 * the statistical quantity (validation stored it in the legal unit), else the declared quantity when its unit
		 * converts into the legal unit; {@literal null} when the legal unit is not known.
		 */
		BigDecimal legalQuantity() {
			if (tariffLine == null || tariffLine.legalUnit() == null) {
				return null;
			}
			if (statisticalQuantity != null) {
				return statisticalQuantity;
			}
			return quantity == null || unit == null ? null : unit.convert(quantity, tariffLine.legalUnit()).orElse(null);
		}
	}
}
