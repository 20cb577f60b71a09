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

import io.singlewindow.core.FreeText;
import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.ConsolidatedResponse.LineTaxes;
import io.singlewindow.declaration.ConsolidatedResponse.Notice;

/**
 * The WCO Data Model {@code Response} the platform answers a declaration with, written by the JDK's StAX writer in the
 * structure of the {@code RES-DMS:2} schema: what the agencies tell the declarant (a question and the day to answer
 * it by, a reason for a rejection), the consolidated status, the declaration's number and version and, once
 * assessed, its taxes in total and line by line; or a refused declaration's problems, each with the REST API's
 * stable code and the pointers the standard has for where it is. Indented, so that a person reading it (and a golden
 * file) sees its structure. Where the platform's codes are longer than the standard's formats: docs/interchange.md.
 */
final class WcoResponseWriter {

	static final String NAMESPACE = "urn:wco:datamodel:WCO:RES-DMS:2";

	/** The namespace of the Response's data types, of which a date-time's {@code DateTimeString} is an element. */
	static final String TYPES = "urn:wco:datamodel:WCO:Response_DS:DMS:2";

	/** Response function codes: the platform's use (docs/interchange.md), after the UK CDS notifications. */
	static final String ACCEPTED = "01";
	static final String REFUSED = "03";
	static final String REQUEST_ACCEPTED = "11";

	/** The consolidated status → the response's function code. */
	private static final Map<String, String> FUNCTION = Map.of("SUBMITTED", ACCEPTED, "UNDER_REVIEW", ACCEPTED,
			"QUERIED", "06", "REJECTED", "10", "WITHDRAWN", "10", "CLEARED", "09", "RELEASED", "08", "CANCELLED", "10");

	/** What an agency tells the declarant → its statement type (UNCL 4451): additional information, reason. */
	private static final Map<Notice.Kind, String> STATEMENT_TYPE = Map.of(Notice.Kind.QUESTION, "ACB",
			Notice.Kind.REJECTION, "ACD");

	/** WCO DM document section codes of the classes a problem may be found in. */
	private static final Map<String, String> SECTIONS = Map.of("Declaration", "42A", "GoodsShipment", "67A",
			"GovernmentAgencyGoodsItem", "68A", "Commodity", "23A", "AdditionalInformation", "03A");

	/** The standard's length of a description or statement (an..512). */
	static final int TEXT = 512;

	private static final Pattern STEP = Pattern.compile("([^/\\[]+)(?:\\[(\\d+)])?");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

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

	/**
	 * The Response to a submitted declaration: the agencies' questions and rejections, its status, number, version and,
	 * when assessed, its taxes (the total, and each line's duty, excise and VAT).
	 */
	static byte[] accepted(String functionalReference, ConsolidatedResponse response, Instant now) {
		return declaration(FUNCTION.getOrDefault(response.status(), ACCEPTED), functionalReference, response,
				response.updatedAt() == null ? now : response.updatedAt());
	}

	/**
	 * The Response to a request about a declaration that customs decides — the declarant's application for the
	 * cancellation of a cleared one: function code 11 (CDS's DMSREQ, "the submitter is informed of the acceptance of
	 * the submitted amendment request"), the declaration as it stands (its status and version do not move until customs
	 * decides), issued when the request was taken.
	 */
	static byte[] requestAccepted(String functionalReference, ConsolidatedResponse response, Instant now) {
		return declaration(REQUEST_ACCEPTED, functionalReference, response, now);
	}

	private static byte[] declaration(String function, String functionalReference, ConsolidatedResponse response,
			Instant issued) {
		return new WcoResponseWriter().write(w -> {
			w.head(function, functionalReference, issued);
			for (Notice notice : response.notices()) {
				w.notice(notice);
			}
			w.status(response.status());
			w.start("Declaration");
			// When it ended, where the schema has a place for it: withdrawn by its declarant or cancelled by customs,
			// rejected by an agency.
			String ended = response.updatedAt() == null ? null : STAMP.format(response.updatedAt());
			if (ended != null && ("WITHDRAWN".equals(response.status()) || "CANCELLED".equals(response.status()))) {
				w.dateTime("CancellationDateTime", "304", ended);
			}
			w.value("ID", response.number());
			if (ended != null && "REJECTED".equals(response.status())) {
				w.dateTime("RejectionDateTime", "304", ended);
			}
			w.value("VersionID", String.valueOf(response.version()));
			if (response.totalDuty() != null) {
				w.start("DutyTaxFee");
				w.payment(response.totalTaxes());
				w.end();
				w.lines(response.lines());
			}
			w.end();
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
			// The schema requires the declaration the Response is about: here only the reference it was sent with.
			w.start("Declaration");
			if (fits(functionalReference)) {
				w.value("FunctionalReferenceID", functionalReference);
			}
			w.dateTime("RejectionDateTime", "304", STAMP.format(now));
			w.end();
		});
	}

	private void head(String function, String functionalReference, Instant at) throws XMLStreamException {
		value("FunctionCode", function);
		if (fits(functionalReference)) {
			value("FunctionalReferenceID", functionalReference);
		}
		dateTime("IssueDateTime", "304", STAMP.format(at));
	}

	/** A date-time element: its {@code DateTimeString} (format 304 a UTC instant, 102 a day) in the types' namespace. */
	private void dateTime(String name, String format, String text) throws XMLStreamException {
		start(name);
		indent();
		writer.writeStartElement("ds", "DateTimeString", TYPES);
		writer.writeAttribute("formatCode", format);
		writer.writeCharacters(text);
		writer.writeEndElement();
		end();
	}

	/** An agency's question (with the last day to answer it) or reason for a rejection, the agency as its code. */
	private void notice(Notice notice) throws XMLStreamException {
		start("AdditionalInformation");
		value("StatementCode", notice.agency());
		value("StatementDescription", shortened(notice.text()));
		if (notice.answerBy() != null) {
			dateTime("LimitDateTime", "102", DAY.format(notice.answerBy()));
		}
		value("StatementTypeCode", STATEMENT_TYPE.get(notice.kind()));
		end();
	}

	private void error(EdifactAnswer.Refusal problem) throws XMLStreamException {
		String source = problem.source() == null ? "" : problem.source();
		start("Error");
		// The element's path in the declaration sent, after the message, so that a person or a program finds it
		// where the standard has no tag for it (a Pointer holds only section codes, line numbers and WCO IDs).
		value("Description", shortened(source.isEmpty() ? problem.text() : problem.text() + " [" + source + "]"));
		value("ValidationCode", problem.code());
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
		if (tag != null) {
			start("Pointer");
			value("TagID", tag);
			end();
		}
		end();
	}

	private void status(String status) throws XMLStreamException {
		start("Status");
		value("NameCode", status);
		end();
	}

	/** Each line's duty, excise and VAT, by duty type (UNCL 5153), under its goods item. */
	private void lines(List<LineTaxes> lines) throws XMLStreamException {
		if (lines.isEmpty()) {
			return;
		}
		start("GoodsShipment");
		for (LineTaxes line : lines) {
			start("GovernmentAgencyGoodsItem");
			value("SequenceNumeric", String.valueOf(line.lineNo()));
			start("Commodity");
			duty("CUD", line.duty());
			duty("EXC", line.excise());
			duty("VAT", line.vat());
			if (line.remedy() != null) {
				// trade-remedy duties (UNCL 5153 has ADD and CVD; a line's measures are assessed as one rate)
				duty("OTH", line.remedy());
			}
			end();
			end();
		}
		end();
	}

	private void duty(String type, BigDecimal amount) throws XMLStreamException {
		start("DutyTaxFee");
		value("TypeCode", type);
		payment(amount);
		end();
	}

	private void payment(BigDecimal assessed) throws XMLStreamException {
		start("Payment");
		indent();
		writer.writeStartElement("TaxAssessedAmount");
		writer.writeAttribute("currencyID", "CNY");
		writer.writeCharacters((assessed == null ? BigDecimal.ZERO : assessed).toPlainString());
		writer.writeEndElement();
		end();
	}

	/**
	 * Whether a reference is written: the standard's is an..35, and a REST client's reference may have up to 100
	 * characters. A longer one is left out rather than cut, which would name another reference; the declaration's
	 * number identifies it.
	 */
	private static boolean fits(String reference) {
		return reference != null && !reference.isBlank() && reference.length() <= 35;
	}

	/** At most the standard's 512 characters, never half a surrogate pair. */
	static String shortened(String text) {
		return FreeText.cut(text == null ? "" : text, TEXT);
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
			writer.writeNamespace("ds", TYPES);
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
