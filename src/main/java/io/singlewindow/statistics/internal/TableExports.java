package io.singlewindow.statistics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tables as files a spreadsheet opens: CSV in UTF-8 with a byte order mark (without it Excel reads Chinese as
 * mojibake) and XLSX with numbers as numbers.
 */
final class TableExports {

	static final String CSV = "text/csv;charset=UTF-8";
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private TableExports() {
	}

	static void csv(StatisticsTable table, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writeCsvRow(writer, table.columns().stream().map(StatisticsTable.Column::header).map(h -> (Object) h).toList());
		for (List<Object> row : table.rows()) {
			writeCsvRow(writer, row);
		}
		writer.flush();
	}

	private static void writeCsvRow(Writer writer, List<Object> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(csvCell(cells.get(i)));
		}
		writer.write("\r\n");
	}

	static String csvCell(Object cell) {
		if (cell == null) {
			return "";
		}
		String text = cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
		// Quote what would break the row, and what a spreadsheet would run as a formula: OWASP's list of first
		// characters, with the tab and carriage return that some spreadsheets skip before running what follows.
		boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(cell instanceof Number);
		if (formula) {
			text = "'" + text;
		}
		if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** One sheet per table, in the order given; a title row, a header row, the data. */
	static void xlsx(List<StatisticsTable> tables, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "SingleWindow", "1.0");
		for (StatisticsTable table : tables) {
			Worksheet sheet = workbook.newWorksheet(table.name());
			sheet.value(0, 0, table.title());
			sheet.style(0, 0).bold().set();
			for (int c = 0; c < table.columns().size(); c++) {
				sheet.value(1, c, table.columns().get(c).header());
				sheet.style(1, c).bold().set();
			}
			int r = 2;
			for (List<Object> row : table.rows()) {
				for (int c = 0; c < row.size(); c++) {
					Object cell = row.get(c);
					if (cell instanceof Number n) {
						sheet.value(r, c, n);
						sheet.style(r, c).format(numberFormat(table.columns().get(c).kind())).set();
					}
					else if (cell != null) {
						sheet.value(r, c, cell.toString());
					}
				}
				r++;
			}
			sheet.width(1, 30);
			sheet.finish();
		}
		workbook.finish();
	}

	private static String numberFormat(StatisticsTable.Kind kind) {
		return switch (kind) {
			case AMOUNT -> "#,##0.00";
			case PERCENT -> "0.0";
			default -> "0";
		};
	}
}
