package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.InputLimits;

/**
 * A declaration as text, field path to what a person wrote ({@code port}, {@code items[3].value}): what the web form
 * posts and what a spreadsheet row holds. Both are read into a {@link DeclarationDraft} here, so the form and the
 * workbook read numbers the same way and the submission validates them like a REST request.
 */
final class DeclarationForm {

	static final List<String> HEADER_FIELDS = List.of("declarant", "clientReference", "flow", "tradeMode",
			"transportMode", "port", "originCountry", "destinationCountry", "tradingCountry", "currency", "incoterm",
			"freight", "insurance", "packages", "grossWeight", "netWeight", "consignor", "consignee");

	static final List<String> ITEM_FIELDS = List.of("hsCode", "description", "quantity", "unit",
			"statisticalQuantity", "value", "origin", "permitNumber", "certificateAgreement", "certificateNumber",
			"tariffQuotaCertificate", "producer");

	/** Fields every declaration must have (origin and destination default to China on one side of the trade). */
	static final Set<String> REQUIRED = Set.of("flow", "tradeMode", "transportMode", "port", "tradingCountry",
			"currency", "incoterm", "packages", "grossWeight", "netWeight", "hsCode", "description", "quantity", "unit",
			"value");

	/** Fields that hold a number, as a person may write it (see {@link WrittenNumber}). */
	static final Set<String> NUMBERS = Set.of("freight", "insurance", "packages", "grossWeight", "netWeight",
			"quantity", "statisticalQuantity", "value");

	private static final Pattern ITEM = Pattern.compile("items\\[(\\d{1,4})]\\.(\\w+)");

	private DeclarationForm() {
	}

	static String itemField(int index, String field) {
		return "items[" + index + "]." + field;
	}

	/** The number of item rows the text holds: one past the highest row anything was written in, at least one. */
	static int rows(Map<String, String> form) {
		int rows = 1;
		for (String key : form.keySet()) {
			Matcher m = ITEM.matcher(key);
			if (m.matches()) {
				rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
			}
		}
		return Math.min(rows, DeclarationValidation.MAX_ITEMS + 1);
	}

	/** The same text without item row {@code removed}; the rows after it move up. */
	static Map<String, String> withoutRow(Map<String, String> form, int removed) {
		Map<String, String> result = new LinkedHashMap<>();
		form.forEach((key, value) -> {
			Matcher m = ITEM.matcher(key);
			if (!m.matches()) {
				result.put(key, value);
				return;
			}
			int row = Integer.parseInt(m.group(1));
			if (row != removed) {
				result.put(itemField(row > removed ? row - 1 : row, m.group(2)), value);
			}
		});
		return result;
	}

	/**
	 * Reads the text into a draft. Item rows left entirely empty are skipped (a person adds a row and leaves it);
	 * field paths of the kept rows are renumbered so that problems name the rows the request holds.
	 *
	 * @param rowOf receives, for each item of the request, the row of the text it was read from
	 */
	static DeclarationDraft draft(Map<String, String> form, List<Integer> rowOf) {
		List<FieldProblem> unreadable = new ArrayList<>();
		List<DeclarationRequest.Item> items = new ArrayList<>();
		for (int row = 0; row < rows(form); row++) {
			int r = row;
			if (ITEM_FIELDS.stream().allMatch(f -> blank(form.get(itemField(r, f))))) {
				continue;
			}
			int index = items.size();
			java.util.function.Function<String, BigDecimal> number = f -> number(form.get(itemField(r, f)),
					itemField(index, f), unreadable);
			items.add(new DeclarationRequest.Item(text(form, itemField(r, "hsCode")),
					text(form, itemField(r, "description")), number.apply("quantity"), text(form, itemField(r, "unit")),
					number.apply("statisticalQuantity"), text(form, itemField(r, "statisticalUnit")),
					number.apply("value"), text(form, itemField(r, "origin")),
					text(form, itemField(r, "permitNumber")), text(form, itemField(r, "certificateAgreement")),
					text(form, itemField(r, "certificateNumber")), text(form, itemField(r, "tariffQuotaCertificate")),
					text(form, itemField(r, "producer"))));
			rowOf.add(row);
		}
		var request = new DeclarationRequest(text(form, "declarant"), text(form, "clientReference"),
				text(form, "flow"), text(form, "tradeMode"), text(form, "transportMode"), text(form, "port"),
				text(form, "originCountry"), text(form, "destinationCountry"), text(form, "tradingCountry"),
				text(form, "currency"), text(form, "incoterm"), number(form.get("freight"), "freight", unreadable),
				number(form.get("insurance"), "insurance", unreadable), count(form.get("packages"), unreadable),
				number(form.get("grossWeight"), "grossWeight", unreadable),
				number(form.get("netWeight"), "netWeight", unreadable), text(form, "consignor"),
				text(form, "consignee"), items);
		return new DeclarationDraft(request, unreadable);
	}

	static DeclarationDraft draft(Map<String, String> form) {
		return draft(form, new ArrayList<>());
	}

	private static String text(Map<String, String> form, String field) {
		String value = form.get(field);
		return blank(value) ? null : value.strip();
	}

	private static BigDecimal number(String written, String field, List<FieldProblem> unreadable) {
		try {
			return WrittenNumber.parse(written);
		} catch (InvalidValue e) {
			unreadable.add(new FieldProblem(field, e.code(), e.arguments()));
			return null;
		}
	}

	/** A count such as packages: 1.5 is refused, never cut to 1. */
	private static Integer count(String written, List<FieldProblem> unreadable) {
		BigDecimal n = number(written, "packages", unreadable);
		if (n == null) {
			return null;
		}
		if (n.stripTrailingZeros().scale() > 0) {
			unreadable.add(new FieldProblem("packages", "INTEGER_REQUIRED"));
			return null;
		}
		try {
			return n.intValueExact();
		} catch (ArithmeticException e) {
			unreadable.add(new FieldProblem("packages", "TOO_LARGE", InputLimits.PACKAGES));
			return null;
		}
	}

	/** The problems of a request, renamed to the rows of the text its items were read from. */
	static List<FieldProblem> onRows(List<FieldProblem> problems, List<Integer> rowOf) {
		return problems.stream().map(p -> {
			Matcher m = Pattern.compile("items\\[(\\d{1,4})](.*)").matcher(p.field());
			if (!m.matches() || Integer.parseInt(m.group(1)) >= rowOf.size()) {
				return p;
			}
			return new FieldProblem("items[" + rowOf.get(Integer.parseInt(m.group(1))) + "]" + m.group(2), p.code(),
					p.arguments());
		}).toList();
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
