package io.singlewindow.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV reader: quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF and a leading
 * UTF-8 byte order mark are accepted. Reads the whole input (the shipped files are small).
 */
public final class CsvReader {

	private CsvReader() {
	}

	/** All records, the header included; a trailing empty line yields no record. */
	public static List<List<String>> read(Reader source) {
		Reader in = source instanceof java.io.BufferedReader ? source : new java.io.BufferedReader(source);
		try {
			List<List<String>> records = new ArrayList<>();
			List<String> record = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean fieldStarted = false;
			boolean first = true;
			int c;
			while ((c = in.read()) != -1) {
				if (first) {
					first = false;
					if (c == '\uFEFF') {
						continue;
					}
				}
				if (quoted) {
					if (c == '"') {
						in.mark(1);
						int next = in.read();
						if (next == '"') {
							field.append('"');
						} else {
							quoted = false;
							if (next == -1) {
								break;
							}
							c = next;
							// fall through to the unquoted handling of the character after the closing quote
							if (handleUnquoted(c, field, record, records)) {
								fieldStarted = false;
							}
						}
					} else {
						field.append((char) c);
					}
					continue;
				}
				if (c == '"' && field.isEmpty() && !fieldStarted) {
					quoted = true;
					fieldStarted = true;
					continue;
				}
				if (handleUnquoted(c, field, record, records)) {
					fieldStarted = false;
				} else if (c != '\r') {
					fieldStarted = true;
				}
			}
			if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
				record.add(field.toString());
				records.add(List.copyOf(record));
			}
			return records;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @return whether the character ended a field */
	private static boolean handleUnquoted(int c, StringBuilder field, List<String> record, List<List<String>> records) {
		switch (c) {
			case ',' -> {
				record.add(field.toString());
				field.setLength(0);
				return true;
			}
			case '\n' -> {
				record.add(field.toString());
				field.setLength(0);
				records.add(List.copyOf(record));
				record.clear();
				return true;
			}
			case '\r' -> {
				return false;
			}
			default -> {
				field.append((char) c);
				return false;
			}
		}
	}
}
