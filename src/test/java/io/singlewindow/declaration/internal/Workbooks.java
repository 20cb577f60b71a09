package io.singlewindow.declaration.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Workbooks as a trader's spreadsheet program would save them, written in tests: sheets of rows, a cell being a
 * text, a number, a date or a formula ({@code "=..."}).
 */
final class Workbooks {

	/** A formula cell, written without a calculated value (as fastexcel writes formulas). */
	record Formula(String expression) {
	}

	private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

	static Workbooks workbook() {
		return new Workbooks();
	}

	Workbooks sheet(String name, List<?>... rows) {
		List<List<Object>> list = sheets.computeIfAbsent(name, n -> new ArrayList<>());
		for (List<?> row : rows) {
			list.add(new ArrayList<>(row));
		}
		return this;
	}

	Workbooks rows(String name, List<List<Object>> rows) {
		sheets.computeIfAbsent(name, n -> new ArrayList<>()).addAll(rows);
		return this;
	}

	byte[] bytes() throws IOException {
		var out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Test", "1.0");
		for (var sheet : sheets.entrySet()) {
			Worksheet ws = workbook.newWorksheet(sheet.getKey());
			for (int r = 0; r < sheet.getValue().size(); r++) {
				List<Object> row = sheet.getValue().get(r);
				for (int c = 0; c < row.size(); c++) {
					Object v = row.get(c);
					switch (v) {
						case null -> {
						}
						case Formula f -> ws.formula(r, c, f.expression());
						case LocalDate d -> {
							ws.value(r, c, d);
							ws.style(r, c).format("yyyy-mm-dd").set();
						}
						case Number n -> ws.value(r, c, new BigDecimal(n.toString()));
						default -> ws.value(r, c, v.toString());
					}
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	/** The first row of a sheet of a workbook: the template's headings. */
	static List<String> headings(byte[] xlsx, int sheet) throws IOException {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			var row = workbook.getSheets().toList().get(sheet).read().getFirst();
			List<String> headings = new ArrayList<>();
			for (int c = 0; c < row.getCellCount(); c++) {
				headings.add(row.getCellText(c));
			}
			return headings;
		}
	}

	static List<String> sheetNames(byte[] xlsx) throws IOException {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			return workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
		}
	}

	/** The same zip with each entry's text changed, and entries added: how a hostile file is made from a good one. */
	static byte[] rezip(byte[] xlsx, UnaryOperator<String> sheetXml, Map<String, byte[]> added) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var in = zip(xlsx); var zip = new ZipOutputStream(out)) {
			for (var e : java.util.Collections.list(in.getEntries())) {
				byte[] data = in.getInputStream(e).readAllBytes();
				if (e.getName().startsWith("xl/worksheets/")) {
					data = sheetXml.apply(new String(data, java.nio.charset.StandardCharsets.UTF_8))
						.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(e.getName()));
				zip.write(data);
				zip.closeEntry();
			}
			for (var entry : added.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static String entryText(byte[] xlsx, String prefix) throws IOException {
		StringBuilder text = new StringBuilder();
		try (var in = zip(xlsx)) {
			for (var e : java.util.Collections.list(in.getEntries())) {
				if (e.getName().startsWith(prefix)) {
					text.append(new String(in.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
				}
			}
		}
		return text.toString();
	}

	/** fastexcel writes sizes after each part (data descriptors), which java.util.zip's stream reader refuses. */
	private static org.apache.commons.compress.archivers.zip.ZipFile zip(byte[] xlsx) throws IOException {
		return org.apache.commons.compress.archivers.zip.ZipFile.builder()
			.setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx))
			.get();
	}
}
