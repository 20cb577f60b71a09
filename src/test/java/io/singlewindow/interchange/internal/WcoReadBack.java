package io.singlewindow.interchange.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A WCO DM Response the platform wrote, read back as XML — well-formed, in the Response namespace and valid against
 * the structure of the standard's RES-DMS:2 schema ({@code src/test/resources/interchange/wco-response.xsd}: its
 * order, namespaces and formats) — and asked for its values by path: {@code read.all("Error/ValidationCode")}.
 */
final class WcoReadBack {

	/** Compiled once: every Response a test reads is checked against it. */
	private static final Schema STRUCTURE = structure();

	private final Document document;

	private WcoReadBack(Document document) {
		this.document = document;
	}

	static WcoReadBack read(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setNamespaceAware(true);
			Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
			if (!WcoResponseWriter.NAMESPACE.equals(document.getDocumentElement().getNamespaceURI())
					|| !"Response".equals(document.getDocumentElement().getLocalName())) {
				throw new AssertionError("not a WCO DM Response: " + new String(xml, java.nio.charset.StandardCharsets.UTF_8));
			}
			Validator validator = STRUCTURE.newValidator();
			try {
				validator.validate(new DOMSource(document));
			}
			catch (SAXException invalid) {
				throw new AssertionError("not a Response of the standard's structure: " + invalid.getMessage() + "\n"
						+ new String(xml, java.nio.charset.StandardCharsets.UTF_8));
			}
			return new WcoReadBack(document);
		}
		catch (AssertionError e) {
			throw e;
		}
		catch (Exception e) {
			throw new AssertionError("not well-formed XML", e);
		}
	}

	private static Schema structure() {
		try {
			URL xsd = WcoReadBack.class.getResource("/interchange/wco-response.xsd");
			return SchemaFactory.newDefaultInstance().newSchema(xsd);
		}
		catch (SAXException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The texts of the elements at {@code path} below Response, e.g. {@code Declaration/ID}. */
	List<String> all(String path) {
		StringBuilder xpath = new StringBuilder("/*[local-name()='Response']");
		for (String step : path.split("/")) {
			xpath.append("/*[local-name()='").append(step).append("']");
		}
		try {
			NodeList nodes = (NodeList) XPathFactory.newDefaultInstance().newXPath().evaluate(xpath.toString(), document,
					XPathConstants.NODESET);
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				texts.add(nodes.item(i).getTextContent().strip());
			}
			return texts;
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	String one(String path) {
		List<String> all = all(path);
		if (all.size() != 1) {
			throw new AssertionError(path + ": " + all);
		}
		return all.getFirst();
	}
}
