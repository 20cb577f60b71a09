package io.singlewindow.interchange.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;

/**
 * Reads a WCO Data Model goods declaration ({@code Declaration} of {@code urn:wco:datamodel:WCO:DEC-DMS:2}, bare or
 * in a {@code MetaData} envelope) as a stream with the JDK's StAX reader. The reader is made safe before it sees a
 * byte: no DTD, no external entities, no entity expansion; a document type declaration or an entity reference is
 * refused as it is met, so neither a file of the server ({@code file:///etc/passwd}) nor a billion laughs is ever
 * read. What is kept of the document is its declaration's fields; the document itself is bounded in size, depth and
 * length of a value, so that memory stays bounded whatever is sent.
 */
@Component
class WcoDeclarationReader {

	static final String NAMESPACE = "urn:wco:datamodel:WCO:DEC-DMS:2";

	/** The envelope national implementations (the UK's CDS) wrap a declaration in. */
	static final String METADATA_NAMESPACE = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2";

	/** A declaration of 999 goods items, each with every element mapped, is far below this. */
	static final long MAX_BYTES = 4L * 1024 * 1024;

	/** The longest value of an element: a goods description (CUSDEC 4440, five times 512) fits. */
	static final int MAX_VALUE = 2_560;

	/** How deep elements may nest: the deepest mapped element is at depth 7 in an envelope. */
	static final int MAX_DEPTH = 16;

	private final XMLInputFactory factory;

	WcoDeclarationReader() {
		factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
	}

	/**
	 * @throws Problem 422 {@code INTERCHANGE_XML_MALFORMED} (not well-formed XML), {@code INTERCHANGE_XML_DOCTYPE}
	 *     (a document type declaration), {@code INTERCHANGE_XML_ENTITY} (an entity reference),
	 *     {@code INTERCHANGE_XML_NOT_WCO} (another root or namespace), {@code INTERCHANGE_XML_ONE_DECLARATION} (more
	 *     than one declaration), {@code INTERCHANGE_XML_TOO_LARGE} (beyond {@link #MAX_BYTES}, {@link #MAX_VALUE}
	 *     characters in one element or {@link #MAX_DEPTH} levels)
	 */
	BatchedDeclaration read(InputStream body) {
		return readDocument(body).declaration();
	}

	/**
	 * The document read, whatever it asks: a declaration ({@link WcoDeclaration#declaration()}) or the cancellation of
	 * one ({@link WcoDeclaration#cancellation()}).
	 *
	 * @throws Problem as {@link #read}
	 */
	WcoDeclaration readDocument(InputStream body) {
		Bounded in = new Bounded(body);
		XMLStreamReader r = null;
		try {
			r = factory.createXMLStreamReader(in);
			return new Reading(r).read();
		}
		catch (XMLStreamException e) {
			if (in.tooLarge) {
				throw tooLarge("interchange", MAX_BYTES);
			}
			if (in.failed != null) {
				// The body beyond the platform's limit, or the connection lost: not the sender's XML.
				throw new UncheckedIOException(in.failed);
			}
			// Anything else the parser met (bytes that are no characters of the encoding included) is not XML.
			var at = e.getLocation();
			throw Problem.invalidField("interchange", "INTERCHANGE_XML_MALFORMED", at == null ? 0 : at.getLineNumber(),
					at == null ? 0 : at.getColumnNumber());
		}
		finally {
			if (r != null) {
				try {
					r.close();
				}
				catch (XMLStreamException ignored) {
					// Refused or read: nothing more is wanted of it.
				}
			}
		}
	}

	private static Problem tooLarge(String field, Object limit) {
		return Problem.invalidField(field, "INTERCHANGE_XML_TOO_LARGE", limit);
	}

	/** One document being read. */
	private static final class Reading {

		private final XMLStreamReader r;
		private final WcoDeclaration declaration = new WcoDeclaration();
		/** The path below {@code Declaration}, one name per level. */
		private final Deque<String> path = new ArrayDeque<>();
		private final StringBuilder text = new StringBuilder();
		private final Deque<String> units = new ArrayDeque<>();
		private int depth;
		/** The depth of the {@code Declaration} element, 0 before it. */
		private int root;
		private boolean read;

		Reading(XMLStreamReader r) {
			this.r = r;
		}

		WcoDeclaration read() throws XMLStreamException {
			while (r.hasNext()) {
				switch (r.next()) {
					case XMLStreamConstants.DTD -> throw Problem.invalidField("interchange", "INTERCHANGE_XML_DOCTYPE");
					case XMLStreamConstants.ENTITY_REFERENCE -> throw Problem.invalidField(where(),
							"INTERCHANGE_XML_ENTITY", r.getLocalName());
					case XMLStreamConstants.START_ELEMENT -> start();
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (root > 0) {
							if (text.length() + r.getTextLength() > MAX_VALUE) {
								throw tooLarge(where(), MAX_VALUE);
							}
							text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> end();
					default -> {
					}
				}
			}
			if (!read) {
				throw Problem.invalidField("interchange", "INTERCHANGE_XML_NOT_WCO");
			}
			return declaration;
		}

		private void start() {
			depth++;
			if (depth > MAX_DEPTH) {
				throw tooLarge(where(), MAX_DEPTH);
			}
			String namespace = r.getNamespaceURI();
			String name = r.getLocalName();
			if (root == 0) {
				if (depth == 1 && METADATA_NAMESPACE.equals(namespace) && "MetaData".equals(name)) {
					return; // the envelope: its own elements (versions, agency) are not read
				}
				if (!NAMESPACE.equals(namespace) || !WcoDeclaration.ROOT.equals(name) || depth > 2) {
					if (depth == 1 || NAMESPACE.equals(namespace)) {
						throw Problem.invalidField(depth == 1 ? "interchange" : where() + "/" + name,
								"INTERCHANGE_XML_NOT_WCO");
					}
					return; // another element of the envelope
				}
				if (read) {
					throw Problem.invalidField("interchange", "INTERCHANGE_XML_ONE_DECLARATION");
				}
				root = depth;
				return;
			}
			path.addLast(NAMESPACE.equals(namespace) ? name : "{" + namespace + "}" + name);
			text.setLength(0);
			String unit = r.getAttributeValue(null, "unitCode");
			// The unit of a measure or the currency of an amount ("" without one: the deque holds no null).
			units.push(unit != null ? unit : java.util.Objects.requireNonNullElse(r.getAttributeValue(null,
					"currencyID"), ""));
			declaration.start(String.join("/", path));
		}

		private void end() {
			if (root > 0 && depth > root) {
				String unit = units.pop();
				declaration.end(String.join("/", path), text.toString().strip(), unit.isEmpty() ? null : unit);
				path.removeLast();
				text.setLength(0);
			}
			else if (depth == root) {
				root = 0;
				read = true;
			}
			depth--;
		}

		private String where() {
			return path.isEmpty() ? WcoDeclaration.ROOT : WcoDeclaration.ROOT + "/" + String.join("/", path);
		}
	}

	/**
	 * The body, refused once it is longer than any declaration needs. It remembers why it stopped, since the parser
	 * hands on a failure of the stream like a fault of the document.
	 */
	private static final class Bounded extends FilterInputStream {

		private long read;
		private boolean tooLarge;
		private IOException failed;

		Bounded(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n;
			try {
				n = super.read(buffer, offset, length);
			}
			catch (IOException e) {
				failed = e;
				throw e;
			}
			read += Math.max(n, 0);
			if (read > MAX_BYTES) {
				tooLarge = true;
				throw new IOException("declaration larger than " + MAX_BYTES + " bytes");
			}
			return n;
		}
	}
}
