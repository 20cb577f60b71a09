package io.singlewindow.reference.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks (the Rec 20 header does); a
 * leading UTF-8 byte-order mark is dropped; CRLF and LF both end a record.
 */
final class CsvRecords {

	private CsvRecords() {
	}

	/** All records of a classpath resource, header included. */
	static List<List<String>> read(String resource) {
		try (InputStream in = CsvRecords.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing reference data " + resource);
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<List<String>> parse(java.io.Reader reader) throws IOException {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int c = reader.read();
		if (c == '\uFEFF') {
			c = reader.read();
		}
		while (c != -1) {
			if (quoted) {
				if (c == '"') {
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					} else {
						quoted = false;
						c = next;
						continue;
					}
				} else {
					field.append((char) c);
				}
			} else if (c == '"' && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
			} else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			} else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					reader.mark(1);
					if (reader.read() != '\n') {
						reader.reset();
					}
				}
				if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
					record.add(field.toString());
					records.add(record);
				}
				record = new ArrayList<>();
				field.setLength(0);
				fieldStarted = false;
			} else {
				field.append((char) c);
				fieldStarted = true;
			}
			c = reader.read();
		}
		if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}
}
