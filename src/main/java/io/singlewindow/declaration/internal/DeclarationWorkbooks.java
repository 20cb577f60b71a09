package io.singlewindow.declaration.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.reference.ReferenceData;

/**
 * Declarations as a spreadsheet: the template traders download, and the workbooks they bring back. A workbook has a
 * sheet of declaration headers (one declaration per row) and a sheet of goods lines, each line naming its declaration
 * in the reference column; a notes sheet explains every column and a lists sheet feeds the drop-downs. Headings are
 * written in the reader's language and understood in English and Chinese. What is read becomes the same text a
 * person types into the web form ({@link DeclarationForm}), so the form, the workbook and the REST API share one
 * validation; problems are then named by the cell they came from ({@code Goods!D7}).
 */
@Component
class DeclarationWorkbooks {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String REFERENCE = "reference";

	/** Header rows per workbook and goods rows per workbook; reading stops at the first row beyond them. */
	static final int MAX_DECLARATIONS = 100;
	static final int MAX_GOODS_ROWS = 2000;

	/** Rows of the template prepared with text format and drop-downs. */
	private static final int TEMPLATE_ROWS = 500;

	static final WorkbookFile.Limits LIMITS = new WorkbookFile.Limits(1024 * 1024, 40L * 1024 * 1024, 200);

	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	/** Columns that take a code from a list, and the list (on the lists sheet) that offers it. */
	private static final List<String> LISTED = List.of("flow", "tradeMode", "transportMode", "currency", "incoterm",
			"originCountry", "destinationCountry", "tradingCountry", "unit", "origin");

	private final MessageSource messages;
	private final ReferenceData reference;

	DeclarationWorkbooks(MessageSource messages, ReferenceData reference) {
		this.messages = messages;
		this.reference = reference;
	}

	/** One declaration read from a workbook, as form text, with the cell each field came from. */
	record Entry(String reference, String row, Map<String, String> form, Map<String, String> cells,
			List<FieldProblem> problems) {

		static Entry of(BatchedDeclaration declaration) {
			return new Entry(declaration.reference(), declaration.source(), declaration.fields(), declaration.sources(),
					new ArrayList<>(declaration.problems()));
		}

		/** The declaration as a batch holds it. */
		BatchedDeclaration batched() {
			return new BatchedDeclaration(reference, row, form, cells, problems);
		}

		/**
		 * The problems of a refused submission under {@code key}, named by cell, else by the row (or message). One
		 * submitted under its own client reference ({@code key} null) and refused because that reference holds other
		 * content is named at the reference's cell, which is what the sender must change.
		 */
		List<FieldProblem> problemsOf(io.singlewindow.core.Problem problem, String key, List<Integer> rowOf) {
			if (problem.fieldProblems().isEmpty() && key == null && "IDEMPOTENCY_KEY_REUSED".equals(problem.code())) {
				return onCells(List.of(new FieldProblem("clientReference", problem.code(), problem.arguments())), rowOf);
			}
			return problem.fieldProblems().isEmpty()
					? List.of(new FieldProblem(row, problem.code(), problem.arguments()))
					: onCells(problem.fieldProblems(), rowOf);
		}

		/** The problems of a submission, named by cell ({@code Goods!D7}), else by row ({@code Goods!7}). */
		List<FieldProblem> onCells(List<FieldProblem> submitted, List<Integer> rowOf) {
			return DeclarationForm.onRows(submitted, rowOf).stream()
				.map(p -> new FieldProblem(cellOf(p.field()), p.code(), p.arguments()))
				.toList();
		}

		/** The entry read into a draft; the problems of its cells (a formula without a value) go with it. */
		DeclarationDraft draft(List<Integer> rowOf) {
			DeclarationDraft draft = DeclarationForm.draft(form, rowOf);
			List<FieldProblem> unreadable = new ArrayList<>(draft.unreadable());
			unreadable.addAll(problems);
			return new DeclarationDraft(draft.request(), unreadable);
		}

		private String cellOf(String field) {
			if (field.contains("!") || field.startsWith(row + "/")) {
				// Already a cell, or a place inside the declaration's own source (a message's segment and element,
				// e.g. UNH+1/BGM 2/1225, where the reader found the problem): it was named by the message only.
				return field;
			}
			if (cells.containsKey(field)) {
				return cells.get(field);
			}
			Matcher item = Pattern.compile("(items\\[\\d{1,4}])(\\..*)?").matcher(field);
			if (item.matches() && cells.containsKey(item.group(1))) {
				return cells.get(item.group(1));
			}
			return row;
		}
	}

	// ---------------------------------------------------------------------------------------------------- template

	void writeTemplate(OutputStream out, Locale locale) {
		try {
			Workbook workbook = new Workbook(out, "SingleWindow", "1.0");
			Worksheet header = workbook.newWorksheet(sheetName("declarations", locale));
			Worksheet goods = workbook.newWorksheet(sheetName("goods", locale));
			Worksheet notes = workbook.newWorksheet(sheetName("notes", locale));
			Worksheet lists = workbook.newWorksheet(sheetName("lists", locale));
			Map<String, PickList> listColumns = writeLists(lists, locale);
			writeHeadings(header, headerColumns(), false, locale, listColumns, lists);
			writeHeadings(goods, goodsColumns(), true, locale, listColumns, lists);
			writeNotes(notes, locale);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<String> headerColumns() {
		return Stream.concat(Stream.of(REFERENCE), DeclarationForm.HEADER_FIELDS.stream()).toList();
	}

	static List<String> goodsColumns() {
		return Stream.concat(Stream.of(REFERENCE), DeclarationForm.ITEM_FIELDS.stream()).toList();
	}

	private void writeHeadings(Worksheet sheet, List<String> columns, boolean goods, Locale locale,
			Map<String, PickList> listColumns, Worksheet lists) {
		for (int c = 0; c < columns.size(); c++) {
			String field = columns.get(c);
			String heading = heading(field, goods, locale)
					+ (DeclarationForm.REQUIRED.contains(field) || field.equals(REFERENCE) ? " *" : "");
			sheet.value(0, c, heading);
			sheet.width(c, Math.max(12, Math.min(40, heading.length() + 4)));
			// Codes and references are text: Excel would drop the leading zero of 0110 or 0901210000.
			if (!DeclarationForm.NUMBERS.contains(field)) {
				sheet.range(1, c, TEMPLATE_ROWS, c).style().format("@").set();
			}
			PickList list = listColumns.get(field.endsWith("Country") ? "country" : field);
			if (list != null) {
				sheet.range(1, c, TEMPLATE_ROWS, c)
					.validateWithList(lists.range(1, list.column(), list.size(), list.column()))
					.allowBlank(true)
					.showDropdown(true)
					.showErrorMessage(true)
					.errorTitle(heading(field, goods, locale))
					.error(message("declaration.workbook.listError", locale));
			}
		}
		sheet.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DDEBF7").set();
		sheet.freezePane(1, 1);
	}

	/** Where a list of codes is on the lists sheet: its column and how many codes it has (from row 2). */
	private record PickList(int column, int size) {
	}

	private Map<String, PickList> writeLists(Worksheet lists, Locale locale) {
		Map<String, SortedMap<String, String>> all = new LinkedHashMap<>();
		all.put("flow", new TreeMap<>(Map.of("IMPORT", message("declaration.flow.IMPORT", locale), "EXPORT",
				message("declaration.flow.EXPORT", locale))));
		all.put("tradeMode", named(DeclarationValidation.TRADE_MODES));
		all.put("transportMode", named(DeclarationValidation.TRANSPORT_MODES));
		all.put("incoterm", named(DeclarationValidation.INCOTERMS));
		all.put("currency", reference.currencies());
		all.put("country", reference.countries());
		// a goods line's origin may also be unknown (原产地不明, DeclarationValidation): its goods pay the general rate
		SortedMap<String, String> origins = new TreeMap<>(reference.countries());
		origins.put(CountryCode.UNKNOWN.value(), message("declaration.picker.originUnknown", locale));
		all.put("origin", origins);
		all.put("unit", reference.units());
		Map<String, PickList> columns = new HashMap<>();
		int c = 0;
		for (var list : all.entrySet()) {
			lists.value(0, c, list.getKey());
			lists.value(0, c + 1, message("declaration.workbook.name", locale));
			int r = 1;
			for (var code : list.getValue().entrySet()) {
				lists.value(r, c, code.getKey());
				lists.value(r, c + 1, code.getValue());
				r++;
			}
			columns.put(list.getKey(), new PickList(c, r - 1));
			lists.width(c, 10);
			lists.width(c + 1, 28);
			c += 2;
		}
		lists.range(0, 0, 0, c - 1).style().bold().set();
		return columns;
	}

	private static SortedMap<String, String> named(java.util.Set<String> codes) {
		TreeMap<String, String> map = new TreeMap<>();
		codes.forEach(code -> map.put(code, ""));
		return map;
	}

	private void writeNotes(Worksheet notes, Locale locale) {
		notes.value(0, 0, message("declaration.workbook.notes.sheet", locale));
		notes.value(0, 1, message("declaration.workbook.notes.column", locale));
		notes.value(0, 2, message("declaration.workbook.notes.required", locale));
		notes.value(0, 3, message("declaration.workbook.notes.meaning", locale));
		notes.range(0, 0, 0, 3).style().bold().set();
		int r = 1;
		for (boolean goods : new boolean[] { false, true }) {
			for (String field : goods ? goodsColumns() : headerColumns()) {
				notes.value(r, 0, sheetName(goods ? "goods" : "declarations", locale));
				notes.value(r, 1, heading(field, goods, locale));
				notes.value(r, 2, DeclarationForm.REQUIRED.contains(field) || field.equals(REFERENCE)
						? message("declaration.workbook.notes.yes", locale) : "");
				notes.value(r, 3, messages.getMessage("declaration.workbook.note." + field, null, "", locale));
				r++;
			}
		}
		notes.value(r + 1, 0, message("declaration.workbook.notes.general", locale));
		notes.width(0, 14);
		notes.width(1, 40);
		notes.width(2, 8);
		notes.width(3, 100);
	}

	private String sheetName(String sheet, Locale locale) {
		return message("declaration.workbook.sheet." + sheet, locale);
	}

	private String heading(String field, boolean goods, Locale locale) {
		String key = field.equals(REFERENCE) ? "declaration.workbook.reference"
				: goods ? "declaration.item." + field
				: switch (field) {
					case "declarant", "flow" -> "declaration." + field;
					default -> "declaration.field." + field;
				};
		return message(key, locale);
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	// ---------------------------------------------------------------------------------------------------- reading

	/**
	 * Reads every declaration of a workbook. Problems of the file as a whole (not a workbook, a sheet missing, a
	 * column nobody knows, too many rows) refuse it at once, all of them together; problems of one row (a formula
	 * without a value, a line naming no declaration) travel with their declaration.
	 *
	 * @throws Problem {@code INVALID_INPUT} naming the file, a sheet, a cell or a row
	 */
	List<Entry> read(byte[] bytes) {
		WorkbookFile.inspect(bytes, LIMITS);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
				new ReadingOptions(true, false))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			List<FieldProblem> problems = new ArrayList<>();
			Sheet headerSheet = sheet(sheets, "declarations", 0);
			Sheet goodsSheet = sheet(sheets, "goods", 1);
			if (headerSheet == null || goodsSheet == null) {
				throw WorkbookFile.refused("WORKBOOK_SHEET_MISSING",
						headerSheet == null ? sheetName("declarations", Locale.ENGLISH)
								: sheetName("goods", Locale.ENGLISH));
			}
			Map<String, Entry> entries = new LinkedHashMap<>();
			boolean date1904 = workbook.isDate1904();
			readSheet(headerSheet, false, MAX_DECLARATIONS, problems, date1904, (row, values, cells, ofRow) -> {
				String ref = values.getOrDefault(REFERENCE, "");
				String rowRef = headerSheet.getName() + "!" + row;
				if (entries.containsKey(ref)) {
					problems.add(new FieldProblem(cells.getOrDefault(REFERENCE, rowRef),
							"WORKBOOK_REFERENCE_DUPLICATE", ref));
					return;
				}
				Map<String, String> form = new HashMap<>(values);
				form.remove(REFERENCE);
				Map<String, String> fieldCells = new HashMap<>(cells);
				entries.put(ref, new Entry(ref, rowRef, form, fieldCells, new ArrayList<>(ofRow)));
			});
			if (entries.isEmpty() && problems.isEmpty()) {
				problems.add(new FieldProblem(headerSheet.getName() + "!2", "WORKBOOK_NO_DECLARATION"));
			}
			Map<String, Integer> lines = new HashMap<>();
			readSheet(goodsSheet, true, MAX_GOODS_ROWS, problems, date1904, (row, values, cells, ofRow) -> {
				String ref = values.getOrDefault(REFERENCE, "");
				Entry entry = entries.get(ref);
				if (entry == null && ref.isEmpty() && entries.size() == 1) {
					entry = entries.values().iterator().next();
				}
				String rowRef = goodsSheet.getName() + "!" + row;
				if (entry == null) {
					problems.add(new FieldProblem(cells.getOrDefault(REFERENCE, rowRef), "WORKBOOK_REFERENCE_UNKNOWN",
							ref));
					problems.addAll(ofRow);
					return;
				}
				entry.problems().addAll(ofRow);
				int index = lines.merge(entry.reference(), 1, Integer::sum) - 1;
				String prefix = "items[" + index + "]";
				entry.cells().put(prefix, rowRef);
				for (var value : values.entrySet()) {
					if (!value.getKey().equals(REFERENCE)) {
						entry.form().put(prefix + "." + value.getKey(), value.getValue());
						entry.cells().put(prefix + "." + value.getKey(), cells.get(value.getKey()));
					}
				}
			});
			if (!problems.isEmpty()) {
				throw WorkbookFile.refused(problems);
			}
			return List.copyOf(entries.values());
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Problem problem) {
				throw problem;
			}
			throw WorkbookFile.refused("WORKBOOK_NOT_XLSX");
		}
	}

	private interface RowReader {

		/**
		 * @param problems of the row's cells (an error value, a formula without a value): they refuse the row's
		 *     declaration only
		 */
		void read(int row, Map<String, String> values, Map<String, String> cells, List<FieldProblem> problems);
	}

	private Sheet sheet(List<Sheet> sheets, String name, int index) {
		List<String> names = LANGUAGES.stream().map(l -> sheetName(name, l).toLowerCase(Locale.ROOT)).toList();
		return sheets.stream().filter(s -> names.contains(s.getName().strip().toLowerCase(Locale.ROOT))).findFirst()
			.orElse(sheets.size() > index ? sheets.get(index) : null);
	}

	private void readSheet(Sheet sheet, boolean goods, int maxRows, List<FieldProblem> problems, boolean date1904,
			RowReader reader) throws IOException {
		Map<String, String> fieldsByHeading = headingsToFields(goods);
		List<String> columns = new ArrayList<>();
		int[] read = { 0 };
		boolean[] tooMany = { false };
		try (Stream<Row> rows = sheet.openStream()) {
			var iterator = rows.iterator();
			while (iterator.hasNext()) {
				Row row = iterator.next();
				if (columns.isEmpty()) {
					for (int c = 0; c < row.getCellCount(); c++) {
						String heading = text(row.getCell(c));
						String field = heading.isBlank() ? "" : fieldsByHeading.get(normalised(heading));
						if (field == null) {
							problems.add(new FieldProblem(cell(sheet, row.getRowNum(), c), "WORKBOOK_COLUMN_UNKNOWN",
									heading));
							field = "";
						}
						columns.add(field);
					}
					if (!columns.contains(REFERENCE)) {
						problems.add(new FieldProblem(sheet.getName() + "!1", "WORKBOOK_COLUMN_MISSING",
								heading(REFERENCE, goods, Locale.ENGLISH)));
					}
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				Map<String, String> cells = new HashMap<>();
				List<FieldProblem> rowProblems = new ArrayList<>();
				for (int c = 0; c < Math.min(row.getCellCount(), columns.size()); c++) {
					String field = columns.get(c);
					Cell cell = row.getCell(c);
					if (field.isEmpty() || cell == null) {
						continue;
					}
					String where = cell(sheet, row.getRowNum(), c);
					Optional<String> value = value(cell, field, date1904, where, rowProblems);
					if (value.isPresent() && !value.get().isBlank()) {
						values.put(field, value.get());
						cells.put(field, where);
					}
				}
				if (values.isEmpty() && rowProblems.isEmpty()) {
					continue; // formatted but empty rows are no data
				}
				if (++read[0] > maxRows) {
					tooMany[0] = true;
					break;
				}
				reader.read(row.getRowNum(), values, cells, rowProblems);
			}
		}
		if (tooMany[0]) {
			problems.add(new FieldProblem(sheet.getName(), "WORKBOOK_TOO_MANY_ROWS", maxRows));
		}
	}

	/**
	 * A cell as text: strings as written, numbers in plain notation, dates (numbers formatted as a date) as ISO dates,
	 * formulas by their cached value, never evaluated.
	 */
	private static Optional<String> value(Cell cell, String field, boolean date1904, String where,
			List<FieldProblem> rowProblems) {
		CellType type = cell.getType();
		String raw = cell.getRawValue();
		if (type == CellType.FORMULA) {
			if (raw == null || raw.isEmpty()) {
				rowProblems.add(new FieldProblem(where, "WORKBOOK_FORMULA_WITHOUT_VALUE", cell.getFormula()));
				return Optional.empty();
			}
			if (!raw.matches("-?[0-9.]+([eE][-+]?[0-9]+)?")) {
				return Optional.of(raw);
			}
			type = CellType.NUMBER;
		}
		return switch (type) {
			case EMPTY -> Optional.empty();
			case ERROR -> {
				rowProblems.add(new FieldProblem(where, "WORKBOOK_CELL_ERROR", raw));
				yield Optional.empty();
			}
			case BOOLEAN -> Optional.of("1".equals(raw) ? "TRUE" : "FALSE");
			case NUMBER -> Optional.of(number(raw, field, cell.getDataFormatString(), date1904));
			default -> Optional.ofNullable(text(cell));
		};
	}

	private static String number(String raw, String field, String format, boolean date1904) {
		BigDecimal n;
		try {
			n = new BigDecimal(raw);
		}
		catch (NumberFormatException e) {
			return raw;
		}
		if (DeclarationForm.NUMBERS.contains(field)) {
			return n.stripTrailingZeros().toPlainString();
		}
		if (format != null && isDateFormat(format) && n.signum() > 0 && n.compareTo(BigDecimal.valueOf(2_958_465)) < 0) {
			LocalDate epoch = date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
			return epoch.plusDays(n.longValue()).toString();
		}
		String plain = n.stripTrailingZeros().toPlainString();
		// A commodity code typed as a number loses its leading zero (0901210000 becomes 901210000).
		if (field.equals("hsCode") && plain.matches("\\d{9}")) {
			return "0" + plain;
		}
		return plain;
	}

	private static boolean isDateFormat(String format) {
		String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
		return f.contains("y") || f.contains("d") || f.contains("m") && !f.contains("0");
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		String text = cell.getText();
		return text == null ? "" : text.strip();
	}

	private static String cell(Sheet sheet, int row, int column) {
		StringBuilder letters = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			letters.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return sheet.getName() + "!" + letters + row;
	}

	/** Every heading the template wrote in any language, and the field name itself, to the field. */
	private Map<String, String> headingsToFields(boolean goods) {
		Map<String, String> map = new HashMap<>();
		for (String field : goods ? goodsColumns() : headerColumns()) {
			map.put(normalised(field), field);
			for (Locale locale : LANGUAGES) {
				map.put(normalised(heading(field, goods, locale)), field);
			}
		}
		return map;
	}

	/** Headings compare without case, spaces, the required mark and full-width forms. */
	private static String normalised(String heading) {
		return java.text.Normalizer.normalize(heading, java.text.Normalizer.Form.NFKC)
			.replace("*", "")
			.replaceAll("\\s+", "")
			.toLowerCase(Locale.ROOT);
	}
}
