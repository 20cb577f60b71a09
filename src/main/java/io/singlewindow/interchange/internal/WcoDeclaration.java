package io.singlewindow.interchange.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.declaration.BatchedDeclaration;

/**
 * One WCO Data Model {@code Declaration} read into the fields of the web form ({@code port},
 * {@code items[0].hsCode}), each with the element it came from
 * ({@code Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]/Commodity/Classification/ID}), so that the
 * declaration module validates it like any other and names its problems by element. The mapping is the table of
 * docs/interchange.md; an element the table does not name is not read.
 */
final class WcoDeclaration {

	static final String ROOT = "Declaration";

	/** A goods item: one line of the declaration. */
	private static final String GOODS_ITEM = "GoodsShipment/GovernmentAgencyGoodsItem";

	private static final String ITEM = GOODS_ITEM + "/";

	/** The valuation's charges: freight, and additions such as insurance (WCO DM class CustomsValuation). */
	private static final String VALUATION = "GoodsShipment/CustomsValuation/";

	/**
	 * The type of a {@code ChargeDeduction} read as the insurance: UN/EDIFACT 5025's code for it, as CUSDEC's MOA
	 * carries it. Other additions and deductions are not read, as the REST API has no field for them either.
	 */
	static final String INSURANCE = "67";

	/** UN/EDIFACT 5025's code for freight, what a {@code FreightChargeAmount} is named by in a problem. */
	static final String FREIGHT = "64";

	/** Message function 9: an original declaration; of the requests about one sent before, only its cancellation. */
	static final String ORIGINAL = "9";

	/**
	 * Message function 13, a request about a declaration sent before, with document type INV: its cancellation (the UK's
	 * CDS: {@code CANCEL.xsd} of DEC-DMS:2, an "invalidation"); with type COR its amendment (CDS's, the declaration
	 * again as amended). Other requests are refused.
	 */
	static final String REQUEST = "13";

	static final String INVALIDATION = "INV";

	static final String AMENDMENT = "COR";

	/** Header elements read as they are: path below {@code Declaration} → form field. */
	private static final Map<String, String> HEADER = Map.ofEntries(Map.entry("FunctionalReferenceID", "clientReference"),
			Map.entry("DeclarationOfficeID", "port"), Map.entry("TotalPackageQuantity", "packages"),
			Map.entry("Declarant/ID", "declarant"), Map.entry("BorderTransportMeans/ModeCode", "transportMode"),
			Map.entry("GoodsShipment/ExportCountry/ID", "originCountry"),
			Map.entry("GoodsShipment/Destination/CountryCode", "destinationCountry"),
			Map.entry("GoodsShipment/TradeTerms/ConditionCode", "incoterm"));

	/**
	 * Where the trade mode is read (China customs' 贸易方式, the platform's use of the procedure code): the DEC-DMS:2
	 * schema has {@code GovernmentProcedure} on each goods item only; the platform read it from {@code GoodsShipment}
	 * until 2026-12-03 and still takes it there from senders built on that.
	 */
	private static final String PROCEDURE = "GovernmentProcedure/CurrentCode";

	/** Goods item elements read as they are: path below {@code GovernmentAgencyGoodsItem} → field of the line. */
	private static final Map<String, String> LINE = Map.of("Commodity/Description", "description",
			"Origin/CountryCode", "origin", "Manufacturer/Name", "producer");

	/**
	 * WCO DM data element IDs of the elements read, as the DEC-DMS:2 schema annotates them (checked on 2026-12-03, see
	 * docs/interchange.md): a Response points at an element by its ID (Pointer/TagID). Before, three were wrong (the
	 * invoice amount's, the transport mode's and the destination's) and most were missing.
	 */
	private static final Map<String, String> WCO_IDS = Map.ofEntries(Map.entry("FunctionCode", "017"),
			Map.entry("FunctionalReferenceID", "D026"), Map.entry("TypeCode", "D013"), Map.entry("ID", "D014"),
			Map.entry("AdditionalInformation/StatementDescription", "225"),
			Map.entry("DeclarationOfficeID", "065"), Map.entry("InvoiceAmount", "109"),
			Map.entry("TotalGrossMassMeasure", "131"), Map.entry("TotalPackageQuantity", "146"),
			Map.entry("BorderTransportMeans/ModeCode", "T022"), Map.entry("Declarant/ID", "R123"),
			Map.entry("ExitOffice/ID", "G005"), Map.entry("Exporter/Name", "R031"), Map.entry("Exporter/ID", "R032"),
			Map.entry("GoodsShipment/Importer/Name", "R037"), Map.entry("GoodsShipment/Importer/ID", "R038"),
			Map.entry("GoodsShipment/ExportCountry/ID", "062"), Map.entry("GoodsShipment/Destination/CountryCode", "465"),
			Map.entry("GoodsShipment/Seller/Address/CountryCode", "242"),
			Map.entry("GoodsShipment/Buyer/Address/CountryCode", "242"),
			Map.entry("GoodsShipment/TradeTerms/ConditionCode", "090"), Map.entry(VALUATION + "FreightChargeAmount", "117"),
			Map.entry(VALUATION + "ChargeDeduction/ChargesTypeCode", "371"),
			Map.entry(VALUATION + "ChargeDeduction/OtherChargeDeductionAmount", "181"),
			Map.entry(ITEM + "Commodity/Description", "137"), Map.entry(ITEM + "Commodity/Classification/ID", "145"),
			Map.entry(ITEM + "Commodity/GoodsMeasure/TariffQuantity", "130"),
			Map.entry(ITEM + "Commodity/GoodsMeasure/NetNetWeightMeasure", "128"),
			Map.entry(ITEM + "Commodity/InvoiceLine/ItemChargeAmount", "112"), Map.entry(ITEM + PROCEDURE, "166"),
			Map.entry(ITEM + "Origin/CountryCode", "063"), Map.entry(ITEM + "AdditionalDocument/ID", "D005"),
			Map.entry(ITEM + "AdditionalDocument/TypeCode", "D006"), Map.entry(ITEM + "AdditionalDocument/Name", "D028"));

	private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("\\[\\d+]");

	private final Map<String, String> fields = new LinkedHashMap<>();
	private final Map<String, String> sources = new LinkedHashMap<>();
	private final List<FieldProblem> problems = new ArrayList<>();
	private final Map<String, String> group = new LinkedHashMap<>();
	/** Every amount read that names its currency, in the document's order: each must be the invoice's. */
	private final List<Amount> amounts = new ArrayList<>();
	private String functionCode = "";
	private String functionSource = ROOT;
	/** {@code TypeCode} as sent: an import's or export's kind, or what a request is (INV). */
	private String typeCode = "";
	private String typeSource = ROOT + "/TypeCode";
	/** {@code ID}: the number of the declaration a request is about (not read from a declaration itself). */
	private String number;
	private String numberSource = ROOT + "/ID";
	/** The statements of {@code AdditionalInformation}: a request's reason. */
	private final List<String> statements = new ArrayList<>();
	private String exitOffice;
	private String exitOfficeSource;
	/** The trading partner's country by flow: the seller's for an import, the buyer's for an export. */
	private final Map<String, Counterpart> counterparts = new LinkedHashMap<>();
	/** The parties whose name was read (a name is preferred to an identification). */
	private final Set<String> named = new HashSet<>();
	/** The goods items whose net weight was read: one each, added up for the declaration. */
	private final Set<Integer> weighed = new HashSet<>();
	private BigDecimal netWeight = BigDecimal.ZERO;
	private String netWeightSource;
	private boolean netWeightUnreadable;
	private int item = -1;
	/** The goods items whose procedure was read: the first of an item is its trade mode, as CDS's first is its CPC. */
	private final Set<Integer> procedures = new HashSet<>();

	/** An element begins: a new goods item starts the numbering of its lines. */
	void start(String path) {
		if (GOODS_ITEM.equals(path)) {
			item++;
			sources.put("items[" + item + "]", itemSource());
		}
		if (path.endsWith("/Classification") || path.endsWith("/AdditionalDocument")
				|| path.endsWith("CustomsValuation/ChargeDeduction")) {
			group.clear();
		}
	}

	/**
	 * An element ends with its text (stripped).
	 *
	 * @param path below {@code Declaration}, without positions: {@code GoodsShipment/Destination/CountryCode}
	 * @param unit the {@code unitCode} or {@code currencyID} attribute, {@literal null} without one
	 */
	void end(String path, String text, String unit) {
		String source = source(path);
		if (item >= 0 && path.startsWith(ITEM)) {
			line(path.substring(ITEM.length()), text, unit, source);
			return;
		}
		String field = HEADER.get(path);
		if (field != null) {
			once(field, text, source);
			return;
		}
		switch (path) {
			case "FunctionCode" -> {
				if (functionCode.isEmpty()) {
					functionCode = text;
					functionSource = source;
				} else {
					repeated(source);
				}
			}
			case "ID" -> {
				if (number == null) {
					number = text;
					numberSource = source;
				} else {
					repeated(source);
				}
			}
			case "AdditionalInformation/StatementDescription" -> statements.add(text);
			case "TypeCode" -> {
				typeCode = text;
				typeSource = source;
				// IM, IMA, IMZ …: the first two letters say the direction, the rest is the national kind of it. A
				// request's type says what it asks (INV, COR); an amendment keeps the direction declared.
				if (!REQUEST.equals(functionCode)) {
					once("flow", text.startsWith("IM") ? "IMPORT" : text.startsWith("EX") ? "EXPORT" : text, source);
				}
			}
			case "ExitOffice/ID" -> {
				if (exitOffice == null) {
					exitOffice = text;
					exitOfficeSource = source;
				} else {
					repeated(source);
				}
			}
			case "TotalGrossMassMeasure" -> weight("grossWeight", text, unit, source);
			case "InvoiceAmount" -> {
				if (unit != null) {
					once("currency", unit, source + "/@currencyID");
				}
			}
			case "Exporter/Name", "Exporter/ID" -> party("consignor", path, text, source);
			case "GoodsShipment/Importer/Name", "GoodsShipment/Importer/ID" -> party("consignee", path, text, source);
			case VALUATION + "FreightChargeAmount" -> amount("freight", text, unit, source);
			case VALUATION + "ChargeDeduction/ChargesTypeCode", VALUATION + "ChargeDeduction/OtherChargeDeductionAmount" ->
				charge(path, text, unit, source);
			case VALUATION + "ChargeDeduction" -> {
				String type = group.get("ChargesTypeCode");
				if (INSURANCE.equals(type) && group.containsKey("OtherChargeDeductionAmount")) {
					amount("insurance", group.get("OtherChargeDeductionAmount"), group.get("OtherChargeDeductionAmount#"),
							group.get("OtherChargeDeductionAmount@"));
				} else if (group.containsKey("OtherChargeDeductionAmount")) {
					// A commission, royalty or discount (or an amount of no type) changes the customs value; left
					// unread, the declaration was valued as if it were not there.
					chargeNotTaken();
				}
			}
			case "GoodsShipment/" + PROCEDURE -> tradeMode(text, source);
			case "GoodsShipment/Seller/Address/CountryCode" -> counterpart("IMPORT", text, source);
			case "GoodsShipment/Buyer/Address/CountryCode" -> counterpart("EXPORT", text, source);
			default -> {
			}
		}
	}

	private void line(String path, String text, String unit, String source) {
		if ("Commodity/InvoiceLine/ItemChargeAmount".equals(path)) {
			amount(line("value"), text, unit, source);
			return;
		}
		String field = LINE.get(path);
		if (field != null) {
			once(line(field), text, source);
			return;
		}
		switch (path) {
			// Freight or a charge of one goods item: the platform takes freight and insurance once, for the declaration.
			// Left unread, a declared insurance fell back to the deemed 3‰ without a word.
			case "CustomsValuation/FreightChargeAmount" -> problemAt("charge", source, "INTERCHANGE_CHARGE_NOT_TAKEN",
					FREIGHT);
			case "CustomsValuation/ChargeDeduction/ChargesTypeCode",
					"CustomsValuation/ChargeDeduction/OtherChargeDeductionAmount" -> charge(path, text, unit, source);
			case "CustomsValuation/ChargeDeduction" -> {
				if (group.containsKey("OtherChargeDeductionAmount")) {
					chargeNotTaken();
				}
			}
			case "Commodity/Classification/ID", "Commodity/Classification/IdentificationTypeCode",
					"AdditionalDocument/TypeCode", "AdditionalDocument/ID", "AdditionalDocument/Name" -> {
				String name = path.substring(path.lastIndexOf('/') + 1);
				group.put(name, text);
				group.put(name + "@", source);
			}
			case "Commodity/Classification" -> {
				// HS (UN/EDIFACT 7143) or no type: the national tariff line; other classifications (TARIC …) are not read.
				String type = group.getOrDefault("IdentificationTypeCode", "");
				if (group.containsKey("ID") && (type.isEmpty() || "HS".equals(type))) {
					once(line("hsCode"), group.get("ID"), group.get("ID@"));
				}
			}
			case "AdditionalDocument" -> {
				switch (group.getOrDefault("TypeCode", "")) {
					case "911" -> once(line("permitNumber"), group.getOrDefault("ID", ""), group.get("ID@"));
					// UNCL 1001 966 "quota prior allocation certificate": the tariff-quota certificate (关税配额证)
					case "966" -> once(line("tariffQuotaCertificate"), group.getOrDefault("ID", ""), group.get("ID@"));
					case "861" -> {
						if (once(line("certificateNumber"), group.getOrDefault("ID", ""), group.get("ID@"))
								&& group.containsKey("Name")) {
							once(line("certificateAgreement"), group.get("Name"), group.get("Name@"));
						}
					}
					default -> {
					}
				}
			}
			case "Commodity/GoodsMeasure/TariffQuantity" -> {
				if (once(line("quantity"), text, source) && unit != null) {
					once(line("unit"), unit, source + "/@unitCode");
				}
			}
			case "Commodity/GoodsMeasure/StatisticalQuantity" -> {
				// Its unitCode goes with it: 0.31 in TNE was kept as 0.31 of the line's legal unit (kilograms).
				if (once(line("statisticalQuantity"), text, source) && unit != null) {
					once(line("statisticalUnit"), unit, source + "/@unitCode");
				}
			}
			case "Commodity/GoodsMeasure/NetNetWeightMeasure" -> netWeight(text, unit, source);
			case PROCEDURE -> {
				// Further procedures of an item (CDS's additional procedure codes) are not the trade mode.
				if (procedures.add(item)) {
					tradeMode(text, source);
				}
			}
			default -> {
			}
		}
	}

	/**
	 * The declaration's one trade mode, from each goods item (and the shipment, where an older sender gives it): a
	 * second that differs is refused at its element, rather than one of them chosen.
	 */
	private void tradeMode(String text, String source) {
		String earlier = fields.get("tradeMode");
		if (earlier == null) {
			put("tradeMode", text, source);
		}
		else if (!earlier.equals(text)) {
			problemAt("tradeMode", source, "INTERCHANGE_TRADE_MODE_DIFFERS", earlier, text);
		}
	}

	/** A part of a {@code ChargeDeduction}, kept until its end decides what it is. */
	private void charge(String path, String text, String unit, String source) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		group.put(name, text);
		group.put(name + "@", source);
		if (unit != null) {
			group.put(name + "#", unit);
		}
	}

	/** A charge or deduction the platform does not add or deduct: named by its type, at its type, or at its amount. */
	private void chargeNotTaken() {
		String type = group.get("ChargesTypeCode");
		problemAt("charge", type == null ? group.get("OtherChargeDeductionAmount@") : group.get("ChargesTypeCode@"),
				"INTERCHANGE_CHARGE_NOT_TAKEN", type == null ? "—" : type);
	}

	/** An amount, in the currency its {@code currencyID} names (checked against the invoice's at the end). */
	private void amount(String field, String text, String currency, String source) {
		if (once(field, text, source) && currency != null) {
			amounts.add(new Amount(currency, source));
		}
	}

	/** The declaration's net weight is its lines' net weights added up: WCO DM has it per goods item only. */
	private void netWeight(String text, String unit, String source) {
		if (!kilograms(unit, source)) {
			return;
		}
		if (!weighed.add(item)) {
			repeated(source);
			return;
		}
		if (netWeightSource == null) {
			netWeightSource = source;
		}
		try {
			netWeight = netWeight.add(new BigDecimal(text));
		}
		catch (NumberFormatException e) {
			// Left as written, so that the declaration's own validation names the element that is not a number.
			if (!netWeightUnreadable) {
				fields.put("netWeight", text);
				sources.put("netWeight", source);
				netWeightUnreadable = true;
			}
		}
	}

	private void weight(String field, String text, String unit, String source) {
		if (kilograms(unit, source)) {
			once(field, text, source);
		}
	}

	private boolean kilograms(String unit, String source) {
		if (unit != null && !"KGM".equals(unit)) {
			// The answer points at the unit, not the weight.
			problemAt("unitOf", source + "/@unitCode", "WEIGHT_UNIT_NOT_KILOGRAM", unit);
			return false;
		}
		return true;
	}

	/** A party's name, or without one its identification. */
	private void party(String field, String path, String text, String source) {
		if (path.endsWith("/Name") ? !named.add(field) : fields.containsKey(field) && !named.contains(field)) {
			repeated(source);
		} else if (path.endsWith("/Name") || !fields.containsKey(field)) {
			put(field, text, source);
		}
	}

	private void counterpart(String flow, String country, String source) {
		if (counterparts.putIfAbsent(flow, new Counterpart(country, source)) != null) {
			repeated(source);
		}
	}

	/**
	 * A field an element gives once (the XSD's cardinality, which is not checked here): its second occurrence is a
	 * problem pointed at it, and neither value is guessed at.
	 *
	 * @return whether the field was put
	 */
	private boolean once(String field, String text, String source) {
		if (fields.containsKey(field)) {
			repeated(source);
			return false;
		}
		put(field, text, source);
		return true;
	}

	private void repeated(String source) {
		problemAt("repeated", source, "INTERCHANGE_VALUE_REPEATED");
	}

	/** A problem of an element no form field stands for: named by a field of its own whose source is that element. */
	private void problemAt(String kind, String source, String code, Object... arguments) {
		String field = kind + (fields.size() + problems.size());
		sources.put(field, source);
		problems.add(new FieldProblem(field, code, arguments));
	}

	private void put(String field, String text, String source) {
		fields.put(field, text);
		sources.put(field, source);
	}

	private String line(String field) {
		return "items[" + item + "]." + field;
	}

	private record Counterpart(String country, String source) {
	}

	private record Amount(String currency, String source) {
	}

	private String itemSource() {
		return ROOT + "/" + GOODS_ITEM + "[" + (item + 1) + "]";
	}

	/** Where an element of the path was read: below the goods item it belongs to, with that item's position. */
	private String source(String path) {
		return item >= 0 && path.startsWith(ITEM) ? itemSource() + "/" + path.substring(ITEM.length())
				: ROOT + "/" + path;
	}

	/** The WCO ID of the element a source names ({@code Declaration/…/Classification/ID} → 145), else null. */
	static String wcoId(String source) {
		String path = POSITION.matcher(source).replaceAll("");
		path = path.startsWith(ROOT + "/") ? path.substring(ROOT.length() + 1) : path;
		int attribute = path.indexOf("/@");
		return WCO_IDS.get(attribute < 0 ? path : path.substring(0, attribute));
	}

	/**
	 * Whether the document is a request about a declaration sent before (function code 13), not a declaration: read
	 * with {@link #amendment()} when it {@link #amends()}, else with {@link #cancellation()}.
	 */
	boolean requests() {
		return REQUEST.equals(functionCode);
	}

	/** Whether the request is an amendment (type COR). */
	boolean amends() {
		return requests() && AMENDMENT.equals(typeCode);
	}

	/**
	 * The amendment the document asks for: the declaration its {@code ID} names, as the document declares it (read as an
	 * original is, without a direction: its type says COR), for the reason its statements give.
	 *
	 * @param reference the request's own functional reference
	 * @param reason {@literal null} when no statement gives one
	 * @param problems the request's own faults (no declaration named)
	 * @param sources where each field of the declaration was read, and the number ({@code number}) and the reason
	 *     ({@code reason})
	 */
	record Amendment(String reference, String number, String reason, BatchedDeclaration declaration,
			List<FieldProblem> problems, Map<String, String> sources) {
	}

	Amendment amendment() {
		if (AMENDMENT.equals(fields.get("flow"))) {
			// TypeCode came before FunctionCode (out of the schema's order) and was read as a direction: it is none.
			fields.remove("flow");
		}
		List<FieldProblem> faults = new ArrayList<>();
		if (number == null || number.isBlank()) {
			faults.add(new FieldProblem("number", "INTERCHANGE_XML_DECLARATION_ID_REQUIRED"));
		}
		BatchedDeclaration read = read();
		Map<String, String> where = new LinkedHashMap<>(read.sources());
		where.put("number", numberSource);
		where.put("reason", ROOT + "/AdditionalInformation/StatementDescription");
		return new Amendment(read.reference(), number, statements.isEmpty() ? null : String.join("\n", statements),
				read, faults, where);
	}

	/**
	 * The cancellation the document asks for: of the declaration its {@code ID} names, for the reason its statements
	 * give (several joined by lines), under the request's own functional reference (optional in CDS's schema).
	 *
	 * @param problems the request's own faults, each named by its element: another request than a cancellation (type
	 *     INV), no declaration named, an element given twice
	 */
	record Cancellation(String reference, String number, String reason, List<FieldProblem> problems,
			Map<String, String> sources) {
	}

	Cancellation cancellation() {
		List<FieldProblem> faults = new ArrayList<>(problems);
		Map<String, String> where = new LinkedHashMap<>(sources);
		where.put("number", numberSource);
		where.put("reason", ROOT + "/AdditionalInformation/StatementDescription");
		if (!INVALIDATION.equals(typeCode)) {
			// Any request but a cancellation and an amendment (COR, read by amendment()).
			where.put("functionCode", typeSource);
			faults.add(new FieldProblem("functionCode", "INTERCHANGE_XML_FUNCTION_NOT_SUPPORTED",
					functionCode + " " + typeCode));
		}
		else if (number == null || number.isBlank()) {
			faults.add(new FieldProblem("number", "INTERCHANGE_XML_DECLARATION_ID_REQUIRED"));
		}
		return new Cancellation(fields.getOrDefault("clientReference", ""), number, String.join("\n", statements),
				faults, where);
	}

	/** The declaration read, named by its functional reference. */
	BatchedDeclaration declaration() {
		if (!functionCode.isEmpty() && !ORIGINAL.equals(functionCode)) {
			sources.put("functionCode", functionSource);
			problems.add(new FieldProblem("functionCode", "INTERCHANGE_XML_FUNCTION_NOT_SUPPORTED", functionCode));
		}
		return read();
	}

	/** What the document declares, an original's or an amendment's, named by its functional reference. */
	private BatchedDeclaration read() {
		if (!fields.containsKey("port") && exitOffice != null) {
			put("port", exitOffice, exitOfficeSource);
		}
		Counterpart counterpart = counterparts.get(fields.getOrDefault("flow", ""));
		if (counterpart == null && !fields.containsKey("flow") && counterparts.size() == 1) {
			// An amendment names no direction (its type says COR): its one counterpart, a seller or a buyer, is the
			// trading partner, and the declaration module keeps the direction declared.
			counterpart = counterparts.values().iterator().next();
		}
		if (counterpart != null) {
			put("tradingCountry", counterpart.country(), counterpart.source());
		}
		String currency = fields.get("currency");
		for (Amount amount : amounts) {
			if (currency != null && !currency.equals(amount.currency())) {
				// Never read as the invoice's currency: 4,000 EUR on a USD invoice would be valued as 4,000 USD.
				problemAt("currencyOf", amount.source() + "/@currencyID", "AMOUNT_CURRENCY_DIFFERS", amount.currency(),
						currency);
			}
		}
		if (netWeightSource != null && !netWeightUnreadable) {
			put("netWeight", netWeight.toPlainString(), netWeightSource);
		}
		if (fields.getOrDefault("clientReference", "").isBlank()) {
			// The functional reference names the declaration for a repeat: without one it could be stored twice.
			problems.add(new FieldProblem("clientReference", "INTERCHANGE_XML_REFERENCE_REQUIRED"));
		}
		// A required element left out is pointed at where it belongs.
		sources.putIfAbsent("flow", ROOT + "/TypeCode");
		HEADER.forEach((path, field) -> sources.putIfAbsent(field, ROOT + "/" + path));
		sources.putIfAbsent("grossWeight", ROOT + "/TotalGrossMassMeasure");
		sources.putIfAbsent("currency", ROOT + "/InvoiceAmount/@currencyID");
		sources.putIfAbsent("tradingCountry", ROOT + "/GoodsShipment/"
				+ ("EXPORT".equals(fields.get("flow")) ? "Buyer" : "Seller") + "/Address/CountryCode");
		return new BatchedDeclaration(fields.getOrDefault("clientReference", ""), ROOT, fields, sources, problems);
	}
}
