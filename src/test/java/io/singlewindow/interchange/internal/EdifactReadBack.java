package io.singlewindow.interchange.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * Reads an interchange the platform wrote with StAEDI against the same schemas (CONTRL, CUSRES): every segment as
 * text ({@code UCM+2+CUSDEC:D:96B:UN+4}), and every error StAEDI found, which a test expects to be none.
 */
final class EdifactReadBack {

	private static final EdifactSchemas SCHEMAS = new EdifactSchemas();

	final List<String> segments = new ArrayList<>();
	final List<String> errors = new ArrayList<>();

	private EdifactReadBack() {
	}

	static EdifactReadBack read(byte[] interchange) {
		EdifactReadBack read = new EdifactReadBack();
		EDIInputFactory factory = EDIInputFactory.newFactory();
		factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
		String charset = new String(interchange, 0, Math.min(40, interchange.length), StandardCharsets.ISO_8859_1)
			.matches("(?s).*UNO[WY].*") ? "UTF-8" : "ISO-8859-1";
		try (EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(interchange), charset)) {
			StringBuilder segment = new StringBuilder();
			int element = 0;
			int component = 0;
			while (r.hasNext()) {
				EDIStreamEvent event = r.next();
				switch (event) {
					case START_SEGMENT -> {
						segment.setLength(0);
						segment.append(r.getText());
						element = 0;
					}
					case ELEMENT_DATA -> {
						var at = r.getLocation();
						while (element < at.getElementPosition()) {
							segment.append('+');
							element++;
							component = 1;
						}
						int c = Math.max(at.getComponentPosition(), 1);
						while (component < c) {
							segment.append(':');
							component++;
						}
						segment.append(r.getText());
					}
					case END_SEGMENT -> {
						String tag = segment.toString();
						read.segments.add(tag.replaceAll("[+:]+$", ""));
						if (tag.startsWith("UNH+")) {
							r.setTransactionSchema(tag.contains("CONTRL") ? SCHEMAS.contrl() : SCHEMAS.cusres());
						}
					}
					case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> read.errors
						.add(r.getErrorType() + " at " + r.getLocation().getSegmentTag() + " "
								+ r.getLocation().getSegmentPosition() + "/" + r.getLocation().getElementPosition());
					default -> {
					}
				}
			}
		}
		catch (EDIStreamException | java.io.IOException e) {
			read.errors.add(e.toString());
		}
		return read;
	}

	/** The segments with this tag. */
	List<String> all(String tag) {
		return segments.stream().filter(s -> s.startsWith(tag + "+") || s.equals(tag)).toList();
	}
}
