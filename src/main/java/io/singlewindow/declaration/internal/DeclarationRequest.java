package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A goods declaration as a trader or broker sends it. Codes arrive as plain strings so that every bad one is reported
 * at once with its JSON path.
 *
 * @param declarant the declaring enterprise's USCC; a trader may leave it out (their own enterprise), a broker names
 *     one of its principals
 * @param clientReference the caller's own reference, unique per declarant; doubles as idempotency key
 * @param consignor defaults to the declarant's registered name on exports
 * @param consignee defaults to the declarant's registered name on imports
 */
record DeclarationRequest(String declarant, String clientReference, String flow, String tradeMode,
		String transportMode, String port, String originCountry, String destinationCountry, String tradingCountry,
		String currency, String incoterm, BigDecimal freight, BigDecimal insurance, Integer packages,
		BigDecimal grossWeight, BigDecimal netWeight, String consignor, String consignee, List<Item> items,
		Integer version) {

	DeclarationRequest {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** A request without a version: a submission, or an amendment that overwrites whatever changed meanwhile. */
	DeclarationRequest(String declarant, String clientReference, String flow, String tradeMode, String transportMode,
			String port, String originCountry, String destinationCountry, String tradingCountry, String currency,
			String incoterm, BigDecimal freight, BigDecimal insurance, Integer packages, BigDecimal grossWeight,
			BigDecimal netWeight, String consignor, String consignee, List<Item> items) {
		this(declarant, clientReference, flow, tradeMode, transportMode, port, originCountry, destinationCountry,
				tradingCountry, currency, incoterm, freight, insurance, packages, grossWeight, netWeight, consignor,
				consignee, items, null);
	}

	/** The same request, read as of {@code expected} (the version its sender read; {@literal null}: any). */
	DeclarationRequest withVersion(Integer expected) {
		return new DeclarationRequest(declarant, clientReference, flow, tradeMode, transportMode, port, originCountry,
				destinationCountry, tradingCountry, currency, incoterm, freight, insurance, packages, grossWeight,
				netWeight, consignor, consignee, items, expected);
	}

	/**
	 * The text a submission's Idempotency-Key is bound to: the request without its version, written as it was before
	 * requests carried one (and each line without a tariff-quota certificate or a producer as before lines could name
	 * them), so that a retry of a declaration submitted earlier still matches.
	 */
	String fingerprint() {
		String text = toString();
		return text.substring(0, text.lastIndexOf(", version=")).replace(", producer=null]", "]")
			.replace(", tariffQuotaCertificate=null]", "]") + "]";
	}

	DeclarationRequest withDeclarantAndReference(String declarant, String clientReference) {
		return new DeclarationRequest(declarant, clientReference, flow, tradeMode, transportMode, port, originCountry,
				destinationCountry, tradingCountry, currency, incoterm, freight, insurance, packages, grossWeight,
				netWeight, consignor, consignee, items);
	}

	/**
	 * @param hsCode the 10-digit national commodity code
	 * @param unit UN/ECE Rec 20 code of {@code quantity}
	 * @param statisticalQuantity the quantity in the tariff line's legal unit (法定第一数量), required when {@code unit}
	 *     does not convert into it
	 * @param statisticalUnit the unit {@code statisticalQuantity} is given in, when not the legal unit itself: it must
	 *     convert into the legal unit (tonnes for kilograms), and is stored converted
	 * @param value the line's value in the declaration currency on its incoterm
	 * @param origin ISO 3166 country of origin
	 * @param permitNumber the permit the line is declared under, if any
	 * @param certificateAgreement the preferential agreement of a certificate of origin, e.g. {@code RCEP}
	 * @param tariffQuotaCertificate the tariff-quota certificate (关税配额证) the line is imported under, if any: the line
	 *     pays its tariff line's in-quota rate, and the certificate's quantity is written off
	 * @param producer the goods' producer (生产商), if stated: an anti-dumping or countervailing notice may set a rate of
	 *     its own for it (else the rate for all other producers applies)
	 */
	record Item(String hsCode, String description, BigDecimal quantity, String unit, BigDecimal statisticalQuantity,
			String statisticalUnit, BigDecimal value, String origin, String permitNumber, String certificateAgreement,
			String certificateNumber, String tariffQuotaCertificate, String producer) {

		/** A line whose producer is not stated. */
		Item(String hsCode, String description, BigDecimal quantity, String unit, BigDecimal statisticalQuantity,
				String statisticalUnit, BigDecimal value, String origin, String permitNumber, String certificateAgreement,
				String certificateNumber, String tariffQuotaCertificate) {
			this(hsCode, description, quantity, unit, statisticalQuantity, statisticalUnit, value, origin, permitNumber,
					certificateAgreement, certificateNumber, tariffQuotaCertificate, null);
		}

		/** A line outside any tariff-rate quota. */
		Item(String hsCode, String description, BigDecimal quantity, String unit, BigDecimal statisticalQuantity,
				String statisticalUnit, BigDecimal value, String origin, String permitNumber, String certificateAgreement,
				String certificateNumber) {
			this(hsCode, description, quantity, unit, statisticalQuantity, statisticalUnit, value, origin, permitNumber,
					certificateAgreement, certificateNumber, null, null);
		}
	}
}
