package io.singlewindow.interchange.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.singlewindow.declaration.ConsolidatedResponse;

/**
 * The WCO Data Model {@code Response} the platform answers a declaration with, written by the JDK's StAX writer: a
 * submitted declaration's number, consolidated status and, once assessed, duties and taxes; or a refused one's
 * problems, each with the REST API's stable code and a pointer at the element it concerns. Indented, so that a
 * person reading it (and a golden file) sees its structure.
 */
final class WcoResponseWriter {

	static final String NAMESPACE = "urn:wco:datamodel:WCO:RES-DMS:2";

	/** Response function codes: the platform's use (docs/interchange.md), after the UK CDS notifications. */
	static final String ACCEPTED = "01";
	static final String REFUSED = "03";

	/** The consolidated status → the response's function code. */
	private static final Map<String, String> FUNCTION = Map.of("SUBMITTED", ACCEPTED, "UNDER_REVIEW", ACCEPTED,
			"QUERIED", "06", "REJECTED", "10", "WITHDRAWN", "10", "CLEARED", "09", "RELEASED", "08");

	/** WCO DM document section codes of the classes a problem may be found in. */
	private static final Map<String, String> SECTIONS = Map.of("Declaration", "42A", "GoodsShipment", "67A",
			"GovernmentAgencyGoodsItem", "68A", "Commodity", "23A");

	private static final Pattern STEP = Pattern.compile("([^/\\[]+)(?:\\[(\\d+)])?");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final XMLStreamWriter writer;
	private int depth;

	private WcoResponseWriter() {
		try {
			writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The Response to a submitted declaration: its number, version, consolidated status and duties when known. */
	static byte[] accepted(String functionalReference, ConsolidatedResponse response, Instant now) {
		return new WcoResponseWriter().write(w -> {
			w.head(FUNCTION.getOrDefault(response.status(), ACCEPTED), functionalReference,
					response.updatedAt() == null ? now : response.updatedAt());
			w.start("Declaration");
			w.value("ID", response.number());
			w.value("VersionID", String.valueOf(response.version()));
			if (response.totalDuty() != null) {
				w.duty("CUD", response.totalDuty());
				w.duty("EXC", response.totalExcise());
				w.duty("VAT", response.totalVat());
			}
			w.end();
			w.status(response.status());
		});
	}

	/** The Response to a declaration refused for its content: nothing of it was stored. */
	static byte[] refused(String functionalReference, List<EdifactAnswer.Refusal> problems, Instant now) {
		return new WcoResponseWriter().write(w -> {
			w.head(REFUSED, functionalReference, now);
			for (EdifactAnswer.Refusal problem : problems) {
				w.error(problem);
			}
			w.status("REFUSED");
		});
	}

	private void head(String function, String functionalReference, Instant at) throws XMLStreamException {
		value("FunctionCode", function);
		if (functionalReference != null && !functionalReference.isBlank()) {
			value("FunctionalReferenceID", functionalReference);
		}
		start("IssueDateTime");
		indent();
		writer.writeStartElement("DateTimeString");
		writer.writeAttribute("formatCode", "304");
		writer.writeCharacters(STAMP.format(at));
		writer.writeEndElement();
		end();
	}

	private void error(EdifactAnswer.Refusal problem) throws XMLStreamException {
		start("Error");
		value("Description", problem.text());
		value("ValidationCode", problem.code());
		String source = problem.source() == null ? "" : problem.source();
		String element = source.substring(source.lastIndexOf('/') + 1);
		for (String step : source.split("/")) {
			Matcher s = STEP.matcher(step);
			if (s.matches() && SECTIONS.containsKey(s.group(1))) {
				start("Pointer");
				if (s.group(2) != null) {
					value("SequenceNumeric", s.group(2));
				}
				value("DocumentSectionCode", SECTIONS.get(s.group(1)));
				end();
			}
		}
		String tag = WcoDeclaration.wcoId(source);
		start("Pointer");
		if (tag != null) {
			value("TagID", tag);
		}
		// The element's path in the declaration sent, so that a program finds it without knowing WCO IDs.
		value("Location", source.isEmpty() ? element : source);
		end();
		end();
	}

	private void status(String status) throws XMLStreamException {
		start("Status");
		value("NameCode", status);
		end();
	}

	private void duty(String type, BigDecimal amount) throws XMLStreamException {
		start("DutyTaxFee");
		value("TypeCode", type);
		start("Payment");
		indent();
		writer.writeStartElement("PaymentAmount");
		writer.writeAttribute("currencyID", "CNY");
		writer.writeCharacters((amount == null ? BigDecimal.ZERO : amount).toPlainString());
		writer.writeEndElement();
		end();
		end();
	}

	private void start(String name) throws XMLStreamException {
		indent();
		writer.writeStartElement(name);
		depth++;
	}

	private void end() throws XMLStreamException {
		depth--;
		indent();
		writer.writeEndElement();
	}

	private void value(String name, String text) throws XMLStreamException {
		indent();
		writer.writeStartElement(name);
		writer.writeCharacters(text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", " "));
		writer.writeEndElement();
	}

	private void indent() throws XMLStreamException {
		writer.writeCharacters("\n" + "  ".repeat(depth));
	}

	private interface Writing {
		void run(WcoResponseWriter writer) throws XMLStreamException;
	}

	private byte[] write(Writing writing) {
		try {
			writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
			writer.writeCharacters("\n");
			writer.writeStartElement("Response");
			writer.writeDefaultNamespace(NAMESPACE);
			depth++;
			writing.run(this);
			depth--;
			indent();
			writer.writeEndElement();
			writer.writeCharacters("\n");
			writer.writeEndDocument();
			writer.close();
			return out.toByteArray();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException(e);
		}
	}
}
