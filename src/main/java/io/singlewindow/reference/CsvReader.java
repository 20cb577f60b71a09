package io.singlewindow.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV reader: quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF and a leading
 * UTF-8 byte order mark are accepted. Reads the whole input at once (reference files and tariff imports are a few
 * MB at most).
 */
public final class CsvReader {

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

	/** All records of {@code text}, the header included. */
	public static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
		int n = text.length();
		boolean pending = false;
		while (i < n) {
			char c = text.charAt(i);
			if (c == '"' && field.isEmpty()) {
				// quoted field: up to the closing quote; "" is one quote
				i++;
				while (i < n) {
					char q = text.charAt(i);
					if (q == '"') {
						if (i + 1 < n && text.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					field.append(q);
					i++;
				}
				pending = true;
				continue;
			}
			if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				pending = true;
			} else if (c == '\n' || c == '\r') {
				record.add(field.toString());
				field.setLength(0);
				records.add(List.copyOf(record));
				record.clear();
				pending = false;
				if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
			} else {
				field.append(c);
				pending = true;
			}
			i++;
		}
		if (pending || !field.isEmpty() || !record.isEmpty()) {
			record.add(field.toString());
			records.add(List.copyOf(record));
		}
		return records;
	}
}
