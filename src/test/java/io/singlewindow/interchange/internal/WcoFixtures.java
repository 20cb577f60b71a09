package io.singlewindow.interchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * WCO DM declarations as brokers' software writes them, for tests: {@code aWcoDeclaration("LRN-1")} is the
 * processors-and-laptops import of the CUSDEC fixtures (golden-declaration.xml with its two errors put right).
 */
final class WcoFixtures {

	private WcoFixtures() {
	}

	static Declaration aWcoDeclaration(String functionalReference) {
		return new Declaration(golden().replace("<ID>84713</ID>", "<ID>8471300000</ID>")
			.replace("unitCode=\"LBR\">9<", "unitCode=\"KGM\">4<")
			.replace("GOLDEN-WCO-1", functionalReference));
	}

	/** The golden declaration as it is, with its two content errors. */
	static String golden() {
		try (InputStream in = WcoFixtures.class.getResourceAsStream("/interchange/golden-declaration.xml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static final class Declaration {

		private String text;

		Declaration(String text) {
			this.text = text;
		}

		/** Replaces the first occurrence of {@code from}, which must be there. */
		Declaration replacing(String from, String to) {
			if (!text.contains(from)) {
				throw new IllegalArgumentException("no " + from);
			}
			text = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
			return this;
		}

		Declaration consignee(String name) {
			return replacing("<Name>厦门芯片贸易有限公司</Name>", "<Name>" + name + "</Name>");
		}

		Declaration declarant(String uscc) {
			return replacing("<DeclarationOfficeID>", "<Declarant><ID>" + uscc + "</ID></Declarant>\n  <DeclarationOfficeID>");
		}

		/** In the CDS envelope: {@code MetaData} of the DocumentMetaData namespace around the declaration. */
		Declaration inEnvelope() {
			text = text.replaceFirst("(?s)(<Declaration .*</Declaration>)", java.util.regex.Matcher.quoteReplacement(
					"<md:MetaData xmlns:md=\"" + WcoDeclarationReader.METADATA_NAMESPACE + "\">\n"
							+ "<md:WCODataModelVersionCode>3.6</md:WCODataModelVersionCode>\n")
					+ "$1" + "\n</md:MetaData>");
			return this;
		}

		String text() {
			return text;
		}

		byte[] bytes() {
			return text.getBytes(StandardCharsets.UTF_8);
		}
	}
}
