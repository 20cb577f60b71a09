package io.singlewindow.interchange.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;
import io.singlewindow.interchange.internal.CusdecDeclaration.Value;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * Reads an interchange of CUSDEC messages as a stream with StAEDI's reader, checking each message against the schema
 * of its directory: what is kept of a message is its declaration's fields (a few hundred bytes of text), never the
 * interchange. The character set is taken from UNB before the reader starts, since StAEDI decodes bytes as UTF-8
 * unless told otherwise.
 */
@Component
class CusdecReader {

	/** The most messages an interchange may hold. */
	static final int MAX_MESSAGES = 10_000;

	/** How far into the body UNB must start (after an optional UNA and line breaks). */
	private static final int HEAD = 512;

	private static final Pattern UNB = Pattern.compile("UNB.([A-Z]{4})");

	private final EdifactSchemas schemas;
	private final EDIInputFactory factory;

	CusdecReader(EdifactSchemas schemas) {
		this.schemas = schemas;
		this.factory = EDIInputFactory.newFactory();
		// Syntax identifiers are checked here (SyntaxIdentifier): StAEDI's own lists refuse UNOW under syntax 4.
		factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
	}

	/**
	 * @throws Problem 422 {@code INTERCHANGE_NOT_EDIFACT} when the body does not begin with an interchange header,
	 *     {@code INTERCHANGE_TOO_MANY_MESSAGES} beyond {@link #MAX_MESSAGES}
	 */
	ReceivedInterchange read(InputStream body) {
		MessageDigest digest = sha256();
		var in = new BufferedInputStream(new DigestInputStream(body, digest), 8192);
		try {
			in.mark(HEAD);
			String head = new String(in.readNBytes(HEAD), StandardCharsets.ISO_8859_1);
			in.reset();
			Matcher unb = UNB.matcher(head);
			if (!unb.find() || !head.substring(0, unb.start()).matches("(?s)(UNA.{6})?\\s*")) {
				throw Problem.invalidField("interchange", "INTERCHANGE_NOT_EDIFACT");
			}
			Optional<SyntaxIdentifier> syntax = SyntaxIdentifier.of(unb.group(1));
			Reading reading = new Reading(syntax.orElse(SyntaxIdentifier.UNOC));
			if (syntax.isEmpty()) {
				reading.refuse(new SyntaxError("UNB", 0, 1, 1, SyntaxError.NOT_SUPPORTED));
			}
			else {
				reading.read(factory.createEDIStreamReader(in, syntax.get().charset().name()));
			}
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return reading.result(HexFormat.of().formatHex(digest.digest()));
		}
		catch (EDIStreamException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** One interchange being read: where the reader is and what it has found. */
	private final class Reading {

		private final SyntaxIdentifier syntax;
		private ReceivedInterchange.Envelope envelope = ReceivedInterchange.Envelope.UNKNOWN;
		private SyntaxError refusal;
		private final PackedMessages messages = new PackedMessages();
		private final List<Value> values = new ArrayList<>();
		private final java.util.Set<String> references = new java.util.HashSet<>();
		private String composite;
		private boolean ended;
		private SyntaxError unbError;

		// The message being read.
		private int header;
		/** Between a message's start and its UNH read: the one place a transaction schema can be set. */
		private boolean awaitingHeader;
		private String reference;
		private String[] type = new String[4];
		private boolean supported;
		private SyntaxError messageRefusal;
		private List<SyntaxError> errors = new ArrayList<>();
		private CusdecDeclaration declaration;
		private char decimalMark = '.';

		Reading(SyntaxIdentifier syntax) {
			this.syntax = syntax;
		}

		void refuse(SyntaxError error) {
			if (refusal == null) {
				refusal = error;
			}
		}

		void read(EDIStreamReader r) throws IOException {
			try (r) {
				while (r.hasNext() && refusal == null) {
					EDIStreamEvent event = r.next();
					switch (event) {
						case START_INTERCHANGE -> {
							Character mark = r.getDelimiters().get(EDIStreamConstants.Delimiters.DECIMAL);
							decimalMark = mark == null ? '.' : mark;
						}
						case START_SEGMENT -> values.clear();
						case START_COMPOSITE -> composite = r.getReferenceCode();
						case END_COMPOSITE -> composite = null;
						case ELEMENT_DATA -> element(r);
						case END_SEGMENT -> endSegment(r);
						case START_TRANSACTION -> startMessage(r.getLocation());
						case END_TRANSACTION -> endMessage();
						case END_INTERCHANGE -> ended = true;
						case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(r.getErrorType(),
								r.getLocation());
						default -> {
						}
					}
				}
			}
			catch (EDIStreamException e) {
				for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
					if (t instanceof CharacterCodingException) {
						Location at = e.getLocation();
						refuse(at == null ? SyntaxError.of(SyntaxError.INVALID_CHARACTER)
								: new SyntaxError(at.getSegmentTag(), inMessage(at), Math.max(at.getElementPosition(), 0),
										Math.max(at.getComponentPosition(), 0), SyntaxError.INVALID_CHARACTER));
						return;
					}
					if (t instanceof IOException io) {
						throw io; // the body beyond its limit, or the connection lost: not the sender's syntax
					}
				}
				refuse(SyntaxError.segment("UNZ", 0, ended ? SyntaxError.UNSPECIFIED : SyntaxError.MISSING));
				return;
			}
			if (!ended) {
				// Cut short: the stream ended before UNZ.
				refuse(SyntaxError.segment("UNZ", 0, SyntaxError.MISSING));
			}
		}

		private void element(EDIStreamReader r) {
			Location at = r.getLocation();
			String text = r.getText();
			if (!syntax.allows(text)) {
				error(new SyntaxError(at.getSegmentTag(), inMessage(at), at.getElementPosition(),
						Math.max(at.getComponentPosition(), 0), SyntaxError.INVALID_CHARACTER));
			}
			String name = name(r.getReferenceCode());
			values.add(new Value(at.getElementPosition(), Math.max(at.getComponentPosition(), 0),
					composite == null ? name : composite + "." + name, text));
		}

		private static String name(String reference) {
			if (reference == null) {
				return "";
			}
			return reference.startsWith("DE") ? reference.substring(2) : reference;
		}

		private void endSegment(EDIStreamReader r) {
			Location at = r.getLocation();
			String tag = at.getSegmentTag();
			switch (tag) {
				case "UNB" -> interchangeHeader();
				case "UNH" -> messageHeader(r, at);
				case "UNA", "UNG", "UNE", "UNT", "UNZ" -> {
				}
				default -> {
					if (declaration != null) {
						declaration.segment(tag, inMessage(at), List.copyOf(values));
					}
				}
			}
		}

		private void interchangeHeader() {
			envelope = new ReceivedInterchange.Envelope(syntax, text(1, 1), text(1, 2), text(2, 1), blank(text(2, 2)),
					text(3, 1), blank(text(3, 2)), text(5, 0));
			if (!envelope.version().equals("3") && !envelope.version().equals("4")) {
				refuse(new SyntaxError("UNB", 0, 1, 2, SyntaxError.NOT_SUPPORTED));
			}
			else if (unbError != null) {
				refuse(unbError);
			}
			else if (envelope.controlReference().isBlank()) {
				refuse(new SyntaxError("UNB", 0, 5, 0, SyntaxError.MISSING));
			}
		}

		private void startMessage(Location at) {
			header = at.getSegmentPosition();
			if (messages.size() >= MAX_MESSAGES) {
				throw Problem.invalidField("interchange", "INTERCHANGE_TOO_MANY_MESSAGES", MAX_MESSAGES);
			}
			reference = "";
			type = new String[] { "", "", "", "" };
			supported = false;
			messageRefusal = null;
			errors = new ArrayList<>();
			declaration = null;
			awaitingHeader = true;
		}

		private void messageHeader(EDIStreamReader r, Location at) {
			if (!awaitingHeader) {
				// A UNH where the message being read goes on (its UNT missing): the reader still counts it as a
				// segment of that message, and no schema can be set halfway through one.
				error(new SyntaxError("UNH", inMessage(at), 0, 0, SyntaxError.SEGMENT_NOT_SUPPORTED));
				return;
			}
			awaitingHeader = false;
			reference = text(1, 0);
			type = new String[] { text(2, 1), text(2, 2), text(2, 3), text(2, 4) };
			Optional<Schema> schema = "CUSDEC".equals(type[0]) ? schemas.cusdec(type[1], type[2]) : Optional.empty();
			if (schema.isEmpty()) {
				// Another message type, or a directory without a schema: refused as a whole, its segments unread.
				messageRefusal = new SyntaxError("UNH", 1, 2, "CUSDEC".equals(type[0]) ? 3 : 1,
						SyntaxError.VALUE_NOT_SUPPORTED);
				return;
			}
			r.setTransactionSchema(schema.get());
			supported = true;
			declaration = new CusdecDeclaration(reference, decimalMark);
		}

		private void endMessage() {
			if (supported && !references.add(reference)) {
				// Two messages under one reference could not be told apart in the answers.
				messageRefusal = new SyntaxError("UNH", 1, 1, 0, SyntaxError.DUPLICATE);
			}
			messages.add(new ReceivedInterchange.Message(reference, type[0], type[1], type[2], type[3],
					supported && messageRefusal == null ? declaration.declaration(reference) : null, messageRefusal,
					errors));
			declaration = null;
			header = 0;
			awaitingHeader = false;
		}

		private void error(EDIStreamValidationError type, Location at) {
			String code = switch (type) {
				case MANDATORY_SEGMENT_MISSING, REQUIRED_DATA_ELEMENT_MISSING,
						CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING, CONDITIONAL_REQUIRED_SEGMENT_MISSING -> SyntaxError.MISSING;
				case UNRECOGNIZED_SEGMENT_ID, UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET,
						SEGMENT_NOT_IN_PROPER_SEQUENCE -> SyntaxError.SEGMENT_NOT_SUPPORTED;
				case SEGMENT_EXCEEDS_MAXIMUM_USE, TOO_MANY_REPETITIONS -> SyntaxError.TOO_MANY_REPETITIONS;
				case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> SyntaxError.TOO_MANY_GROUP_REPETITIONS;
				case TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS -> SyntaxError.TOO_MANY_CONSTITUENTS;
				case DATA_ELEMENT_TOO_LONG -> SyntaxError.TOO_LONG;
				case DATA_ELEMENT_TOO_SHORT -> SyntaxError.TOO_SHORT;
				case INVALID_CHARACTER_DATA -> SyntaxError.INVALID_CHARACTER_TYPE;
				case INVALID_CODE_VALUE, INVALID_DATE, INVALID_TIME -> SyntaxError.INVALID_VALUE;
				case CONTROL_REFERENCE_MISMATCH -> SyntaxError.REFERENCES_DO_NOT_MATCH;
				case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> SyntaxError.COUNT_DOES_NOT_MATCH;
				default -> SyntaxError.UNSPECIFIED;
			};
			String tag = at.getSegmentTag();
			boolean segmentLevel = type.getCategory() == EDIStreamEvent.SEGMENT_ERROR;
			error(new SyntaxError(tag, inMessage(at), segmentLevel ? 0 : Math.max(at.getElementPosition(), 0),
					segmentLevel ? 0 : Math.max(at.getComponentPosition(), 0), code));
		}

		private void error(SyntaxError error) {
			if ("UNB".equals(error.segmentTag()) && unbError == null) {
				// Weighed once UNB is read: an unsupported version explains its other errors.
				unbError = error;
				return;
			}
			if (header > 0) {
				errors.add(error);
			}
			else {
				refuse(error);
			}
		}

		/** The segment's position in the message being read (UNH is 1), 0 outside one. */
		private int inMessage(Location at) {
			return header > 0 ? at.getSegmentPosition() - header + 1 : 0;
		}

		private String text(int element, int component) {
			for (Value v : values) {
				if (v.element() == element && v.component() == component) {
					return v.text();
				}
			}
			return "";
		}

		private static String blank(String s) {
			return s.isEmpty() ? null : s;
		}

		ReceivedInterchange result(String hash) {
			return new ReceivedInterchange(envelope, refusal, refusal == null ? messages : List.of(), hash);
		}
	}
}
