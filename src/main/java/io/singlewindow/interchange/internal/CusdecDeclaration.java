package io.singlewindow.interchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.declaration.BatchedDeclaration;

/**
 * One CUSDEC message read into the fields of the web form ({@code port}, {@code items[0].hsCode}), each with the
 * segment and element it came from ({@code UNH+1/CST 17/C246.7361}), so that the declaration module validates it like
 * any other and names its problems by segment. The mapping is the table of docs/interchange.md; a qualifier the table
 * does not name is not read.
 */
final class CusdecDeclaration {

	/**
	 * The message functions (BGM 1225, UNCL 1225) the platform takes: an original declaration, the cancellation of one
	 * sent before ({@link CusdecCancellation}) and its replacement; the rest are refused.
	 */
	static final String ORIGINAL = "9";
	static final String CANCELLATION = "1";
	/** A replacement (5): the whole declaration again, for the one named in RFF+ABT (an amendment). */
	static final String REPLACEMENT = "5";

	/** RFF C506/1153 of a replacement: the version its sender read (ZVN, as the CUSRES carries it). */
	static final String VERSION_READ = "ZVN";

	/** Document name codes (BGM C002/1001) of a goods declaration for importation and for exportation. */
	static final String IMPORT = "929";
	static final String EXPORT = "830";

	/** Fields that hold a number: written with the interchange's decimal mark, read with a point. */
	private static final Set<String> NUMBERS = Set.of("packages", "grossWeight", "netWeight", "freight", "insurance",
			"quantity", "statisticalQuantity", "value");

	/** A value of a segment: its element and component position (0 for a simple element) and its name. */
	record Value(int element, int component, String name, String text) {
	}

	private final String message;
	private final char decimalMark;
	private final Map<String, String> fields = new LinkedHashMap<>();
	private final Map<String, String> sources = new LinkedHashMap<>();
	private final List<FieldProblem> problems = new ArrayList<>();
	/** The currency (C516/6345) of each amount read that names one, by its source: each must be the CUX's. */
	private final Map<String, String> currencies = new LinkedHashMap<>();
	private boolean detail;
	private int item = -1;
	/** BGM 1225 said 1: only what names the declaration and why is read, not the goods the message may repeat. */
	private boolean cancellation;
	/** BGM 1225 said 5: read as an original, and the number (and version) of the declaration it replaces, and why. */
	private boolean replacement;

	/**
	 * @param reference the message reference (UNH 0062)
	 * @param decimalMark the interchange's decimal mark (UNA), {@code .} or {@code ,}
	 */
	CusdecDeclaration(String reference, char decimalMark) {
		this.message = "UNH+" + reference;
		this.decimalMark = decimalMark;
	}

	/** Reads one segment of the message body; {@code position} counts from UNH as 1. */
	void segment(String tag, int position, List<Value> values) {
		Segment s = new Segment(tag, position, values);
		if (cancellation && !tag.equals("RFF") && !tag.equals("FTX")) {
			// The goods a cancellation may repeat from its original are not read: they declare nothing.
			if (tag.equals("CST")) {
				item++;
			}
			return;
		}
		switch (tag) {
			case "BGM" -> beginning(s);
			case "RFF" -> reference(s);
			case "FTX" -> freeText(s);
			case "LOC" -> place(s);
			case "GIS" -> {
				if ("ZTM".equals(s.text(1, 1))) {
					s.read(1, 4, "tradeMode");
				}
			}
			case "PAC" -> s.read(1, 0, "packages");
			case "MEA" -> measure(s);
			case "MOA" -> monetaryAmount(s);
			case "NAD" -> nameAndAddress(s);
			case "TDT" -> s.read(3, 1, "transportMode");
			case "TOD" -> s.read(3, 1, "incoterm");
			case "CUX" -> s.read(1, 2, "currency");
			case "UNS" -> detail = true;
			case "CST" -> customsStatus(s);
			case "QTY" -> quantity(s);
			case "DOC" -> document(s);
			default -> {
				// DTM, RFF, CNT and the rest of the subset: read by the schema, not mapped.
			}
		}
	}

	/** BGM: the flow, the document number and the message function (original, replacement, cancellation). */
	private void beginning(Segment s) {
		String function = s.text(3, 0);
		if (function.equals(CANCELLATION)) {
			cancellation = true;
			s.read(3, 0, CusdecCancellation.FUNCTION);
			return;
		}
		s.read(1, 1, "flow", code -> switch (code) {
			case IMPORT -> "IMPORT";
			case EXPORT -> "EXPORT";
			default -> code;
		});
		s.read(2, 0, "clientReference");
		if (function.equals(REPLACEMENT)) {
			replacement = true;
			s.read(3, 0, CusdecCancellation.FUNCTION);
		}
		else if (!function.isEmpty() && !function.equals(ORIGINAL)) {
			// Another function taken as an original would store the goods a second time.
			problems.add(new FieldProblem(s.source(3, 0), "INTERCHANGE_FUNCTION_NOT_SUPPORTED", function));
		}
	}

	/** RFF: the declaration a replacement or cancellation names, and the version a replacement was made from. */
	private void reference(Segment s) {
		if ((cancellation || replacement) && CusdecCancellation.DECLARATION_NUMBER.equals(s.text(1, 1))) {
			s.read(1, 2, CusdecCancellation.NUMBER);
		}
		else if (replacement && VERSION_READ.equals(s.text(1, 1))) {
			s.read(1, 2, "version");
		}
	}

	/** FTX: a cancellation's or replacement's reason, a goods item's description and producer. */
	private void freeText(Segment s) {
		if ((cancellation || replacement) && item < 0
				&& CusdecCancellation.REASON_TEXT.equals(s.text(1, 0))) {
			// A replacement's reason is read for a cleared declaration, whose replacement applies for a
			// correction of its values; one the agencies still decide is amended without one.
			s.joined(4, CusdecCancellation.REASON);
		}
		else if (!cancellation && item >= 0 && "AAA".equals(s.text(1, 0))) {
			s.joined(4, item("description"));
		}
		// ZPR, a platform qualifier: the goods' producer, whose rate a trade remedy may set (贸易救济)
		else if (!cancellation && item >= 0 && "ZPR".equals(s.text(1, 0))) {
			s.joined(4, item("producer"));
		}
	}

	/** LOC: the header's port and countries, a goods item's origin. */
	private void place(Segment s) {
		String place = item >= 0 ? switch (s.text(1, 0)) {
			case "27" -> item("origin");
			default -> null;
		} : switch (s.text(1, 0)) {
			case "22" -> "port";
			case "27" -> "originCountry";
			case "28" -> "destinationCountry";
			case "ZTC" -> "tradingCountry";
			default -> null;
		};
		s.read(2, 1, place);
	}

	/** MEA: the header's gross and net weights, in kilograms. */
	private void measure(Segment s) {
		if (item < 0 && "WT".equals(s.text(1, 0))) {
			String field = switch (s.text(2, 1)) {
				case "G" -> "grossWeight";
				case "N" -> "netWeight";
				default -> null;
			};
			if (field != null && !"KGM".equals(s.text(3, 1))) {
				problems.add(new FieldProblem(s.source(3, 1), "WEIGHT_UNIT_NOT_KILOGRAM", s.text(3, 1)));
			}
			s.read(3, 2, field);
		}
	}

	/** MOA: the header's freight and insurance, a goods item's value and the currencies named with them. */
	private void monetaryAmount(Segment s) {
		if (item >= 0 && (s.text(1, 1).equals("64") || s.text(1, 1).equals("67"))) {
			// Freight or insurance of one goods item: the platform takes them once, for the declaration (header
			// MOA). Left unread, a declared insurance fell back to the deemed 3‰ without a word.
			problems.add(new FieldProblem(s.source(1, 1), "INTERCHANGE_CHARGE_NOT_TAKEN", s.text(1, 1)));
		}
		String amount = item >= 0 ? switch (s.text(1, 1)) {
			case "38" -> item("value");
			default -> null;
		} : switch (s.text(1, 1)) {
			case "64" -> "freight";
			case "67" -> "insurance";
			default -> null;
		};
		// Only the amount kept: a repeated one is refused as such, not a second time for its currency.
		if (s.read(1, 2, amount) && !s.text(1, 3).isEmpty()) {
			currencies.put(s.source(1, 3), s.text(1, 3));
		}
	}

	/** NAD: the declarant, consignor and consignee. */
	private void nameAndAddress(Segment s) {
		switch (s.text(1, 0)) {
			case "DT" -> s.read(2, 1, "declarant");
			case "CZ" -> s.name("consignor");
			case "CN" -> s.name("consignee");
			default -> {
			}
		}
	}

	/** CST: a goods item begins (after UNS), with its commodity code. */
	private void customsStatus(Segment s) {
		if (detail) {
			item++;
			sources.put("items[" + item + "]", message + "/CST " + s.position);
			s.read(2, 1, item("hsCode"));
		}
	}

	/** QTY: a goods item's quantity and statistical quantity with their units. */
	private void quantity(Segment s) {
		if (item >= 0) {
			switch (s.text(1, 1)) {
				case "47" -> {
					s.read(1, 2, item("quantity"));
					s.read(1, 3, item("unit"));
				}
				case "ZSQ" -> {
					s.read(1, 2, item("statisticalQuantity"));
					s.read(1, 3, item("statisticalUnit"));
				}
				default -> {
				}
			}
		}
	}

	/** DOC: a goods item's permit, tariff-quota certificate and certificate of origin. */
	private void document(Segment s) {
		if (item >= 0) {
			switch (s.text(1, 1)) {
				case "911" -> s.read(2, 1, item("permitNumber"));
				// UNCL 1001 966 "quota prior allocation certificate": the tariff-quota certificate (关税配额证)
				case "966" -> s.read(2, 1, item("tariffQuotaCertificate"));
				case "861" -> {
					s.read(1, 4, item("certificateAgreement"));
					s.read(2, 1, item("certificateNumber"));
				}
				default -> {
				}
			}
		}
	}

	BatchedDeclaration declaration(String reference) {
		if (cancellation) {
			return new BatchedDeclaration(reference, message, fields, sources, problems);
		}
		String currency = fields.get("currency");
		currencies.forEach((source, named) -> {
			if (currency != null && !currency.equals(named)) {
				// Never read as the declaration's currency: 4,000 EUR in a USD declaration would be valued as 4,000 USD.
				problems.add(new FieldProblem(source, "AMOUNT_CURRENCY_DIFFERS", named, currency));
			}
		});
		return new BatchedDeclaration(reference, message, fields, sources, problems);
	}

	private String item(String field) {
		return "items[" + item + "]." + field;
	}

	/** One segment's values, read into fields. */
	private final class Segment {

		private final String tag;
		private final int position;
		private final List<Value> values;

		Segment(String tag, int position, List<Value> values) {
			this.tag = tag;
			this.position = position;
			this.values = values;
		}

		String text(int element, int component) {
			Value v = value(element, component);
			return v == null ? "" : v.text();
		}

		private Value value(int element, int component) {
			for (Value v : values) {
				if (v.element() == element && v.component() == component) {
					return v;
				}
			}
			return null;
		}

		String source(int element, int component) {
			Value v = value(element, component);
			return message + "/" + tag + " " + position + (v == null ? "" : "/" + v.name());
		}

		/** @return whether the value was read into {@code field} (not when absent, unmapped or given twice) */
		boolean read(int element, int component, String field) {
			return read(element, component, field, t -> t);
		}

		boolean read(int element, int component, String field, java.util.function.UnaryOperator<String> code) {
			Value v = value(element, component);
			if (field == null || v == null) {
				return false;
			}
			if (fields.containsKey(field)) {
				// Given twice (two CUX, an item's MOA+38 twice): neither value is guessed at.
				problems.add(new FieldProblem(source(element, component), "INTERCHANGE_VALUE_REPEATED"));
				return false;
			}
			String text = code.apply(v.text());
			String plain = field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
			fields.put(field, NUMBERS.contains(plain) && decimalMark == ',' ? text.replace(',', '.') : text);
			sources.put(field, source(element, component));
			return true;
		}

		/** A party's name (C080, up to five parts) or, without one, its identification (C082). */
		void name(String field) {
			String name = values.stream().filter(v -> v.element() == 4).map(Value::text)
				.collect(Collectors.joining(" "));
			if (name.isBlank()) {
				read(2, 1, field);
				return;
			}
			if (fields.containsKey(field)) {
				problems.add(new FieldProblem(source(4, 1), "INTERCHANGE_VALUE_REPEATED"));
				return;
			}
			fields.put(field, name);
			sources.put(field, source(4, 1));
		}

		/**
		 * Free text (C108, up to five parts of 4440) as one text; a second FTX of the same kind goes on with the text
		 * (a description longer than one segment holds), where it had replaced the first.
		 */
		void joined(int element, String field) {
			String text = values.stream().filter(v -> v.element() == element).map(Value::text)
				.collect(Collectors.joining(" "));
			String before = fields.get(field);
			fields.put(field, before == null ? text : before + " " + text);
			sources.putIfAbsent(field, source(element, 1));
		}
	}
}
