package io.singlewindow.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV, read by Apache Commons CSV: quoted fields may hold separators, doubled quotes and line breaks; CRLF,
 * LF and CR end a record, and a leading UTF-8 byte order mark is no character of the file's. An empty line is a
 * record of one empty field, so that callers count lines as a person sees them. A quote left open, or text between a
 * closing quote and the next separator, is refused ({@link Malformed}) rather than read as other rows. Reads the whole
 * input at once (reference files and tariff imports are a few MB at most).
 */
public final class CsvReader {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	/** The input cannot be read as CSV from {@code line} (1-based) on, where the broken record begins. */
	public static final class Malformed extends RuntimeException {

		private final long line;

		Malformed(long line, Throwable cause) {
			super("malformed CSV from line " + line + ": " + cause.getMessage(), cause);
			this.line = line;
		}

		public long line() {
			return line;
		}
	}

	private CsvReader() {
	}

	/** All records, the header included; a trailing line break yields no extra record. */
	public static List<List<String>> read(Reader source) {
		StringWriter all = new StringWriter();
		try {
			source.transferTo(all);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return parse(all.toString());
	}

	/**
	 * All records of {@code text}, the header included.
	 *
	 * @throws Malformed at the line where a record cannot be read
	 */
	public static List<List<String>> parse(String text) {
		String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
		List<List<String>> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
			Iterator<CSVRecord> each = parser.iterator();
			while (true) {
				long line = parser.getCurrentLineNumber() + 1;
				try {
					if (!each.hasNext()) {
						return records;
					}
					records.add(List.copyOf(each.next().toList()));
				} catch (UncheckedIOException | IllegalStateException e) {
					throw new Malformed(line, e);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
