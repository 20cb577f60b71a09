package io.singlewindow.interchange.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.Problem;
import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.ConsolidatedResponse.Notice;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.interchange.internal.ReceivedInterchange.Envelope;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * The interchange the platform answers with, written by StAEDI's writer: from the single window to the sender, in
 * the sender's character set under syntax version 4, holding a CONTRL (what was received and which messages were
 * refused for their syntax) and a CUSRES for each message whose declaration was submitted or refused for its content.
 * Each message goes through its own method so that the CONTRL and every CUSRES are built the same way wherever they
 * are written (at once, or later from a batch's outcomes or a declaration's new status).
 */
final class EdifactAnswer {

	/** Who answers: the recipient a sender names in UNB 0010. */
	static final String SINGLE_WINDOW = "SINGLEWINDOW";

	/** CONTRL action codes (0083). */
	static final String REJECTED = "4";
	static final String ACKNOWLEDGED = "7";
	static final String RECEIVED = "8";

	private static final Pattern SOURCE = Pattern.compile("UNH\\+[^/]*(?:/([A-Z]{3}) (\\d+)(?:/(.+))?)?");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
	/**
	 * The longest text written in one element or component: StAEDI's writer holds an element in a buffer of 500
	 * characters and overflows beyond (an unchecked {@code BufferOverflowException}, so a 500 for the sender), below
	 * the directory's 512 for 4440.
	 */
	static final int COMPONENT = 500;

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm")
		.withZone(ZoneOffset.UTC);

	/** A problem of a refused declaration with its message text, as CUSRES (and a WCO DM Response) carries it. */
	record Refusal(String code, String source, String text) {

		/** The problems of a declaration the batch model refused, each named where it was read, in English. */
		static List<Refusal> of(DeclarationBatch.Entry entry, MessageSource messages) {
			List<FieldProblem> problems = entry.problems().isEmpty()
					? List.of(new FieldProblem(entry.source(), entry.code())) : entry.problems();
			return problems.stream().map(p -> of(p.code(), p.field(), p.arguments(), messages)).toList();
		}

		/**
		 * The refusal of a request about a declaration sent before (a cancellation, in either standard): each problem
		 * of a field at the element that field was read from, any other at {@code named}, where the request named the
		 * declaration.
		 */
		static List<Refusal> of(Problem refused, UnaryOperator<String> sourceOf, String named,
				MessageSource messages) {
			return refused.fieldProblems().isEmpty() ? List.of(of(refused.code(), named, refused.arguments(), messages))
					: refused.fieldProblems().stream()
						.map(p -> of(p.code(), sourceOf.apply(p.field()), p.arguments(), messages)).toList();
		}

		/** One problem at {@code source}, with the English text of its code. */
		static Refusal of(String code, String source, Object[] arguments, MessageSource messages) {
			return new Refusal(code, source, messages.getMessage("problem." + code, arguments, code, Locale.ENGLISH));
		}
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final EDIStreamWriter writer;
	private final SyntaxIdentifier syntax;
	private final Envelope received;
	private final String reference;
	private int messages;
	private int segments;

	/**
	 * @param received the envelope of the interchange answered: its sender becomes the recipient
	 * @param reference this interchange's control reference (UNB 0020)
	 */
	EdifactAnswer(Envelope received, String reference, Instant now) {
		this.received = received;
		// UNOA cannot carry the lower case of error texts: the answer is written at least at level B.
		this.syntax = received.syntax() == SyntaxIdentifier.UNOA ? SyntaxIdentifier.UNOB : received.syntax();
		// StAEDI cannot write a delimiter, escaped, in the answer's own UNB and UNZ: a received reference holding one
		// (released) becomes this interchange's reference without it.
		this.reference = echoed(reference, 14).replaceAll("[+:'?*]", "_");
		EDIOutputFactory factory = EDIOutputFactory.newFactory();
		factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
		factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, '*');
		try {
			writer = factory.createEDIStreamWriter(out, syntax.charset().name());
			writer.startInterchange();
			writer.writeStartSegment("UNB").writeStartElement().writeComponent(syntax.name()).writeComponent("4")
				.endElement();
			party(SINGLE_WINDOW, null);
			sender();
			writer.writeStartElement().writeComponent(DATE.format(now)).writeComponent(TIME.format(now)).endElement()
				.writeElement(this.reference).writeEndSegment();
		}
		catch (EDIStreamException e) {
			throw new IllegalStateException(e);
		}
	}

	private void party(String id, String qualifier) throws EDIStreamException {
		writer.writeStartElement().writeComponent(echoed(id, 35));
		if (qualifier != null) {
			writer.writeComponent(echoed(qualifier, 4));
		}
		writer.endElement();
	}

	private static String or(String value, String instead) {
		return value == null || value.isEmpty() ? instead : value;
	}

	private void sender() throws EDIStreamException {
		party(received.sender().isEmpty() ? "UNKNOWN" : received.sender(), received.senderQualifier());
	}

	/**
	 * A value of the interchange answered, written back into the answer (a party, a reference, a message type): as
	 * much as its element holds, each character the answer's repertoire lacks as {@code _}. The sender's values may be
	 * what its interchange was refused for (a control character in UNB, a reference too long), and the answer naming
	 * that must still be an interchange its software can read.
	 */
	private String echoed(String value, int maxLength) {
		if (value == null) {
			return "";
		}
		StringBuilder shown = new StringBuilder();
		value.codePoints().limit(maxLength).forEach(c -> shown.appendCodePoint(syntax.allows(c) && c != '\t' ? c : '_'));
		return shown.toString();
	}

	/**
	 * A CONTRL for the interchange received: acknowledged (each message not named as rejected), received (its
	 * declarations will be submitted later) or rejected as a whole with the error that refused it.
	 */
	EdifactAnswer contrl(String action, SyntaxError interchangeError, List<ReceivedInterchange.Message> refused) {
		return write(() -> {
			startMessage("CONTRL", "4", "1");
			segment("UCI");
			// 0020 is required: an interchange refused before its reference was read is answered as UNKNOWN's.
			writer.writeElement(received.controlReference().isEmpty() ? "UNKNOWN"
					: echoed(received.controlReference(), 14));
			sender();
			party(received.recipient().isEmpty() ? SINGLE_WINDOW : received.recipient(),
					received.recipientQualifier());
			writer.writeElement(action);
			pointer(interchangeError);
			writer.writeEndSegment();
			for (var message : refused) {
				segment("UCM");
				// UCM requires the reference and all four parts of the message identifier: what UNH lacked is written as
				// UNKNOWN's reference, or as this interface's message (CUSDEC D.96B), the error pointing at UNH.
				writer.writeElement(echoed(or(message.reference(), "UNKNOWN"), 14)).writeStartElement()
					.writeComponent(echoed(or(message.type(), "CUSDEC"), 6))
					.writeComponent(echoed(or(message.version(), "D"), 3))
					.writeComponent(echoed(or(message.release(), "96B"), 3))
					.writeComponent(echoed(or(message.agency(), "UN"), 3)).endElement()
					.writeElement(REJECTED);
				pointer(message.refusal());
				writer.writeEndSegment();
				for (SyntaxError error : message.errors()) {
					segment("UCS");
					writer.writeElement(String.valueOf(error.segmentPosition()));
					if (error.element() == 0) {
						writer.writeElement(error.code()).writeEndSegment();
						continue;
					}
					writer.writeEndSegment();
					segment("UCD");
					writer.writeElement(error.code()).writeStartElement()
						.writeComponent(String.valueOf(error.element()));
					if (error.component() > 0) {
						writer.writeComponent(String.valueOf(error.component()));
					}
					writer.endElement().writeEndSegment();
				}
			}
			endMessage();
		});
	}

	/** 0085, 0013 and S011 of UCI/UCM: the error, its segment and its element. */
	private void pointer(SyntaxError error) throws EDIStreamException {
		if (error == null) {
			return;
		}
		writer.writeElement(error.code());
		if (error.segmentTag() != null) {
			writer.writeElement(error.segmentTag());
			if (error.element() > 0) {
				writer.writeStartElement().writeComponent(String.valueOf(error.element()));
				if (error.component() > 0) {
					writer.writeComponent(String.valueOf(error.component()));
				}
				writer.endElement();
			}
		}
	}

	/**
	 * A CUSRES for a submitted declaration: its number, consolidated status and, once assessed, its duties. One the
	 * sender declared before under the same document number (BGM 1004) is answered with the declaration stored first
	 * and says so in {@code GIS+ZRQ:::DECLARED_BEFORE}: nothing new was declared, whatever the sender's software
	 * thought it was sending.
	 */
	EdifactAnswer accepted(ReceivedInterchange.Message message, ConsolidatedResponse response, boolean declaredBefore,
			Instant now) {
		return accepted(message, response, declaredBefore ? DECLARED_BEFORE : null, now);
	}

	/** What {@code GIS+ZRQ} says of a message answered with the declaration its document number named before. */
	static final String DECLARED_BEFORE = "DECLARED_BEFORE";

	/**
	 * A CUSRES for a cancellation or replacement acted on: the declaration's response as it is now, and what was done in
	 * {@code GIS+ZRQ} — {@code WITHDRAWN}; {@code CANCEL_APPLIED} for a cleared declaration, whose status stays until
	 * customs decides the application (the act's name in the API, {@code CANCELLATION_APPLIED}, is longer than 7187's 17
	 * characters); {@code AMENDED}; {@code CORRECT_APPLIED} for a cleared declaration's replacement, an application for
	 * a correction of its values that customs decides ({@code CORRECTION_APPLIED} in the API).
	 *
	 * @param act {@code WITHDRAWN}, {@code CANCELLATION_APPLIED}, {@code AMENDED} or {@code CORRECTION_APPLIED}
	 */
	EdifactAnswer requestAccepted(ReceivedInterchange.Message message, ConsolidatedResponse response, String act,
			Instant now) {
		String said = switch (act) {
			case "CANCELLATION_APPLIED" -> "CANCEL_APPLIED";
			case "CORRECTION_APPLIED" -> "CORRECT_APPLIED";
			default -> act;
		};
		return accepted(message, response, said, now);
	}

	private EdifactAnswer accepted(ReceivedInterchange.Message message, ConsolidatedResponse response, String act,
			Instant now) {
		return write(() -> {
			startMessage("CUSRES", message.version(), message.release());
			segment("BGM");
			writer.writeStartElement().writeComponent("962").endElement().writeElement(response.number())
				.writeElement("29").writeEndSegment();
			dated(response.updatedAt() == null ? now : response.updatedAt());
			answerDue(response.notices());
			for (Notice notice : response.notices()) {
				notice(notice);
			}
			segment("GIS");
			writer.writeStartElement().writeComponent("ZST").writeEmptyComponent().writeEmptyComponent()
				.writeComponent(response.status()).endElement().writeEndSegment();
			if (act != null) {
				segment("GIS");
				writer.writeStartElement().writeComponent("ZRQ").writeEmptyComponent().writeEmptyComponent()
					.writeComponent(act).endElement().writeEndSegment();
			}
			reference("ABT", response.number());
			if (message.reference() != null) {
				reference("ACW", message.reference());
			}
			reference("ZID", response.id().toString().replace("-", ""));
			reference("ZVN", String.valueOf(response.version()));
			if (response.totalDuty() != null) {
				tax("CUD", response.totalDuty());
				tax("EXC", response.totalExcise());
				tax("VAT", response.totalVat());
				if (response.totalRemedy() != null) {
					// UNCL 5153 has ADD and CVD, but a line's measures are assessed as one rate: "other taxes"
					tax("OTH", response.totalRemedy());
				}
			}
			endMessage();
		});
	}

	/** A CUSRES for a declaration refused for its content: each problem's code, segment, element and text. */
	EdifactAnswer refused(ReceivedInterchange.Message message, List<Refusal> problems, Instant now) {
		return write(() -> {
			startMessage("CUSRES", message.version(), message.release());
			segment("BGM");
			writer.writeStartElement().writeComponent("962").endElement().writeElement(message.reference())
				.writeElement("27").writeEndSegment();
			dated(now);
			segment("GIS");
			writer.writeStartElement().writeComponent("ZST").writeEmptyComponent().writeEmptyComponent()
				.writeComponent("REFUSED").endElement().writeEndSegment();
			reference("ACW", message.reference());
			for (Refusal problem : problems) {
				Matcher at = SOURCE.matcher(problem.source() == null ? "" : problem.source());
				segment("ERP");
				writer.writeStartElement().writeComponent("1").endElement();
				if (at.matches() && at.group(1) != null) {
					writer.writeStartElement().writeComponent(at.group(1)).writeComponent(at.group(2)).endElement();
				}
				writer.writeEndSegment();
				segment("ERC");
				writer.writeStartElement().writeComponent(problem.code()).endElement().writeEndSegment();
				segment("FTX");
				// The message first (4440 is required), then the element it concerns when it names one.
				writer.writeElement("AAO").writeEmptyElement().writeEmptyElement().writeStartElement()
					.writeComponent(truncated(problem.text()));
				if (at.matches() && at.group(3) != null) {
					writer.writeComponent(at.group(3));
				}
				writer.endElement().writeEndSegment();
			}
			endMessage();
		});
	}

	/**
	 * A declaration's consolidated response on its own: an interchange of one CUSRES (directory D.96B) to
	 * {@code recipient}, whose reference ends in {@code V<version>} so that a later response tells itself from an
	 * earlier one.
	 */
	static byte[] response(ConsolidatedResponse response, String recipient, Instant now) {
		var envelope = new Envelope(SyntaxIdentifier.UNOW, "UNOW", "4", recipient, null, SINGLE_WINDOW, null, "");
		String number = response.number();
		String reference = number.substring(Math.max(0, number.length() - 9)) + "V" + response.version();
		var message = new ReceivedInterchange.Message(null, "CUSDEC", "D", "96B", "UN", null, null, List.of());
		return new EdifactAnswer(envelope, reference, now).accepted(message, response, false, now).bytes();
	}

	static String truncated(String text) {
		return FreeText.cut(text == null ? "" : text.replaceAll("\\p{Cntrl}", " "), COMPONENT);
	}

	private void dated(Instant at) throws EDIStreamException {
		segment("DTM");
		writer.writeStartElement().writeComponent("137").writeComponent(STAMP.format(at)).writeComponent("203")
			.endElement().writeEndSegment();
	}

	/**
	 * DTM 265 (due date), {@code CCYYMMDD}: the first day by which a question must be answered. A header DTM cannot
	 * say which question it belongs to; with several open questions each one's own day is in the WCO Response and
	 * the API.
	 */
	private void answerDue(List<Notice> notices) throws EDIStreamException {
		var due = notices.stream().map(Notice::answerBy).filter(Objects::nonNull).min(Comparator.naturalOrder());
		if (due.isPresent()) {
			segment("DTM");
			writer.writeStartElement().writeComponent("265").writeComponent(DAY.format(due.get())).writeComponent("102")
				.endElement().writeEndSegment();
		}
	}

	/**
	 * FTX per agency notice: 4451 ACB (additional information) for a question, ACD (reason) for a rejection; C107/4441
	 * the agency's code; the text in C108's five 4440 of {@value #COMPONENT} characters each.
	 */
	private void notice(Notice notice) throws EDIStreamException {
		segment("FTX");
		writer.writeElement(notice.kind() == Notice.Kind.QUESTION ? "ACB" : "ACD").writeEmptyElement()
			.writeStartElement().writeComponent(notice.agency()).endElement().writeStartElement();
		for (String part : textParts(notice.text())) {
			writer.writeComponent(part);
		}
		writer.endElement().writeEndSegment();
	}

	/**
	 * A text cut into at most five parts (C108) of {@value #COMPONENT} characters, without control characters or half
	 * a surrogate pair.
	 */
	static List<String> textParts(String text) {
		String rest = text == null || text.isEmpty() ? " " : text.replaceAll("\\p{Cntrl}", " ");
		List<String> parts = new ArrayList<>();
		while (!rest.isEmpty() && parts.size() < 5) {
			String part = FreeText.cut(rest, COMPONENT);
			parts.add(part);
			rest = rest.substring(part.length());
		}
		return parts;
	}

	private void reference(String qualifier, String value) throws EDIStreamException {
		segment("RFF");
		writer.writeStartElement().writeComponent(qualifier).writeComponent(value).endElement().writeEndSegment();
	}

	private void tax(String type, BigDecimal amount) throws EDIStreamException {
		segment("TAX");
		writer.writeElement("5").writeStartElement().writeComponent(type).endElement().writeEndSegment();
		segment("MOA");
		writer.writeStartElement().writeComponent("124")
			.writeComponent((amount == null ? BigDecimal.ZERO : amount).toPlainString()).writeComponent("CNY")
			.endElement().writeEndSegment();
	}

	private void startMessage(String type, String version, String release) throws EDIStreamException {
		messages++;
		segments = 0;
		segment("UNH");
		writer.writeElement(String.valueOf(messages)).writeStartElement().writeComponent(type).writeComponent(version)
			.writeComponent(release).writeComponent("UN").endElement().writeEndSegment();
	}

	private void endMessage() throws EDIStreamException {
		segment("UNT");
		writer.writeElement(String.valueOf(segments)).writeElement(String.valueOf(messages)).writeEndSegment();
	}

	private void segment(String tag) throws EDIStreamException {
		segments++;
		writer.writeStartSegment(tag);
	}

	/** Ends the interchange (UNZ) and answers its bytes. */
	byte[] bytes() {
		write(() -> {
			writer.writeStartSegment("UNZ").writeElement(String.valueOf(messages)).writeElement(reference)
				.writeEndSegment();
			writer.endInterchange();
			writer.close();
		});
		return out.toByteArray();
	}

	private interface Writing {
		void run() throws EDIStreamException;
	}

	private EdifactAnswer write(Writing writing) {
		try {
			writing.run();
			return this;
		}
		catch (EDIStreamException e) {
			throw new IllegalStateException(e);
		}
	}
}
