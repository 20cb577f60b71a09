package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;

/**
 * What a declaration saved for later (暂存) holds, through the API: the declaration's own fields under the names a
 * submission gives them, each as text — nothing of it is checked until it is submitted, so a number the declarant has
 * yet to find may be blank or words — and converted to and from the web form's fields ({@code port},
 * {@code items[0].value}), which is how it is kept, so that a form saved by software is finished on the page and a
 * page's form read by software. A JSON number is taken as its text.
 *
 * @param version on saving it again, the version the caller read (a colleague's save since is never overwritten
 *     unseen); as read, the version it is at
 */
record UnsentContent(String declarant, String clientReference, String flow, String tradeMode, String transportMode,
		String port, String originCountry, String destinationCountry, String tradingCountry, String currency,
		String incoterm, String freight, String insurance, String packages, String grossWeight, String netWeight,
		String consignor, String consignee, List<Line> items, Integer version) {

	/** The header's fields by the form's names, in the form's order ({@link DeclarationForm#HEADER_FIELDS}). */
	private static final Map<String, Function<UnsentContent, String>> HEADER = ordered(
			Map.entry("declarant", UnsentContent::declarant), Map.entry("clientReference", UnsentContent::clientReference),
			Map.entry("flow", UnsentContent::flow), Map.entry("tradeMode", UnsentContent::tradeMode),
			Map.entry("transportMode", UnsentContent::transportMode), Map.entry("port", UnsentContent::port),
			Map.entry("originCountry", UnsentContent::originCountry),
			Map.entry("destinationCountry", UnsentContent::destinationCountry),
			Map.entry("tradingCountry", UnsentContent::tradingCountry), Map.entry("currency", UnsentContent::currency),
			Map.entry("incoterm", UnsentContent::incoterm), Map.entry("freight", UnsentContent::freight),
			Map.entry("insurance", UnsentContent::insurance), Map.entry("packages", UnsentContent::packages),
			Map.entry("grossWeight", UnsentContent::grossWeight), Map.entry("netWeight", UnsentContent::netWeight),
			Map.entry("consignor", UnsentContent::consignor), Map.entry("consignee", UnsentContent::consignee));

	/** A line's fields by the form's names ({@link DeclarationForm#ITEM_FIELDS}). */
	private static final Map<String, Function<Line, String>> LINE = ordered(Map.entry("hsCode", Line::hsCode),
			Map.entry("description", Line::description), Map.entry("quantity", Line::quantity),
			Map.entry("unit", Line::unit), Map.entry("statisticalQuantity", Line::statisticalQuantity),
			Map.entry("value", Line::value), Map.entry("origin", Line::origin),
			Map.entry("permitNumber", Line::permitNumber), Map.entry("certificateAgreement", Line::certificateAgreement),
			Map.entry("certificateNumber", Line::certificateNumber),
			Map.entry("tariffQuotaCertificate", Line::tariffQuotaCertificate), Map.entry("producer", Line::producer));

	UnsentContent {
		// A line sent as null is kept to be refused at its index, not a 500 of List.copyOf.
		items = items == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(items));
	}

	/**
	 * One line, as the web form has it.
	 *
	 * @param statisticalUnit not kept (the form has no such field: it gives the statistical quantity in the tariff line's
	 *     legal unit); refused when given, rather than dropped unseen
	 */
	record Line(String hsCode, String description, String quantity, String unit, String statisticalQuantity,
			String statisticalUnit, String value, String origin, String permitNumber, String certificateAgreement,
			String certificateNumber, String tariffQuotaCertificate, String producer) {
	}

	/**
	 * The web form's fields of this content; the blank ones are left for the store to drop.
	 *
	 * @throws Problem 422 {@code TOO_MANY_ITEMS} at {@code items} beyond the most a declaration has; 422
	 *     {@code UNSENT_STATISTICAL_UNIT_NOT_KEPT} at a line's {@code statisticalUnit}; 422 {@code REQUIRED} at a
	 *     line sent as {@code null}
	 */
	Map<String, String> fields() {
		if (items.size() > InputLimits.ITEMS_PER_DECLARATION) {
			throw Problem.invalidField("items", "TOO_MANY_ITEMS", InputLimits.ITEMS_PER_DECLARATION);
		}
		Map<String, String> form = new LinkedHashMap<>();
		HEADER.forEach((name, field) -> put(form, name, field.apply(this)));
		for (int i = 0; i < items.size(); i++) {
			Line line = items.get(i);
			if (line == null) {
				throw Problem.invalidField("items[" + i + "]", "REQUIRED");
			}
			if (line.statisticalUnit() != null && !line.statisticalUnit().isBlank()) {
				throw Problem.invalidField(DeclarationForm.itemField(i, "statisticalUnit"),
						"UNSENT_STATISTICAL_UNIT_NOT_KEPT");
			}
			int row = i;
			LINE.forEach((name, field) -> put(form, DeclarationForm.itemField(row, name), field.apply(line)));
		}
		return form;
	}

	/** The content of a form as kept: its header, and as many lines as the form has rows (blank ones included). */
	static UnsentContent of(Map<String, String> form, int version) {
		List<Line> lines = new ArrayList<>();
		for (int i = 0, rows = DeclarationForm.rows(form); i < rows; i++) {
			lines.add(new Line(form.get(DeclarationForm.itemField(i, "hsCode")),
					form.get(DeclarationForm.itemField(i, "description")),
					form.get(DeclarationForm.itemField(i, "quantity")), form.get(DeclarationForm.itemField(i, "unit")),
					form.get(DeclarationForm.itemField(i, "statisticalQuantity")), null,
					form.get(DeclarationForm.itemField(i, "value")), form.get(DeclarationForm.itemField(i, "origin")),
					form.get(DeclarationForm.itemField(i, "permitNumber")),
					form.get(DeclarationForm.itemField(i, "certificateAgreement")),
					form.get(DeclarationForm.itemField(i, "certificateNumber")),
					form.get(DeclarationForm.itemField(i, "tariffQuotaCertificate")),
					form.get(DeclarationForm.itemField(i, "producer"))));
		}
		return new UnsentContent(form.get("declarant"), form.get("clientReference"), form.get("flow"),
				form.get("tradeMode"), form.get("transportMode"), form.get("port"), form.get("originCountry"),
				form.get("destinationCountry"), form.get("tradingCountry"), form.get("currency"), form.get("incoterm"),
				form.get("freight"), form.get("insurance"), form.get("packages"), form.get("grossWeight"),
				form.get("netWeight"), form.get("consignor"), form.get("consignee"), lines, version);
	}

	@SafeVarargs
	private static <T> Map<String, Function<T, String>> ordered(Map.Entry<String, Function<T, String>>... fields) {
		Map<String, Function<T, String>> ordered = new LinkedHashMap<>();
		for (var field : fields) {
			ordered.put(field.getKey(), field.getValue());
		}
		return java.util.Collections.unmodifiableMap(ordered);
	}

	private static void put(Map<String, String> form, String name, String value) {
		if (value != null) {
			form.put(name, value);
		}
	}
}
