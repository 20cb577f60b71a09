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

	/**
	 * The cancellation of a declaration sent before, as the UK's CDS publishes it (TT_IM011a_Cancellation.xml of
	 * hmrc/customs-declarations, schema CANCEL.xsd): function code 13, type INV, the declaration's number in {@code ID},
	 * the reason as a statement of type AES pointing at the declaration and its amendment, a change reason code.
	 */
	static Declaration aCancellation(String functionalReference, String number, String reason) {
		return new Declaration("""
				<?xml version="1.0" encoding="UTF-8" standalone="no"?>
				<md:MetaData xmlns:md="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" xmlns="urn:wco:datamodel:WCO:DEC-DMS:2">
				  <md:WCODataModelVersionCode>3.6</md:WCODataModelVersionCode>
				  <md:WCOTypeName>DEC</md:WCOTypeName>
				  <Declaration>
				    <FunctionCode>13</FunctionCode>
				    <FunctionalReferenceID>%s</FunctionalReferenceID>
				    <ID>%s</ID>
				    <TypeCode>INV</TypeCode>
				    <Submitter><ID>GB427168118378</ID></Submitter>
				    <AdditionalInformation>
				      <StatementDescription>%s</StatementDescription>
				      <StatementTypeCode>AES</StatementTypeCode>
				      <Pointer><SequenceNumeric>1</SequenceNumeric><DocumentSectionCode>42A</DocumentSectionCode></Pointer>
				      <Pointer><SequenceNumeric>1</SequenceNumeric><DocumentSectionCode>06A</DocumentSectionCode></Pointer>
				    </AdditionalInformation>
				    <Amendment><ChangeReasonCode>1</ChangeReasonCode></Amendment>
				  </Declaration>
				</md:MetaData>
				""".formatted(functionalReference, number, reason));
	}

	/**
	 * The amendment of a declaration sent before, as the UK's CDS has it (hmrc/customs-declarations' amendment samples):
	 * function code 13, type COR, the declaration's number in {@code ID}, the reason as a statement of type AES, a
	 * change reason code (21: a value), and the declaration again as amended — here {@link #aWcoDeclaration}'s goods.
	 */
	static Declaration anAmendment(String functionalReference, String number, String reason) {
		return aWcoDeclaration(functionalReference).replacing("<FunctionCode>9</FunctionCode>",
				"<FunctionCode>13</FunctionCode>")
			.replacing("</FunctionalReferenceID>", "</FunctionalReferenceID>\n  <ID>" + number + "</ID>")
			.replacing("<TypeCode>IMZ</TypeCode>", "<TypeCode>COR</TypeCode>")
			.replacing("</TotalPackageQuantity>", """
					</TotalPackageQuantity>
					  <AdditionalInformation>
					    <StatementDescription>%s</StatementDescription>
					    <StatementTypeCode>AES</StatementTypeCode>
					  </AdditionalInformation>
					  <Amendment><ChangeReasonCode>21</ChangeReasonCode></Amendment>""".formatted(reason));
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

		/** Replaces the last occurrence of {@code from}, which must be there (the last goods item's, say). */
		Declaration replacingLast(String from, String to) {
			int at = text.lastIndexOf(from);
			if (at < 0) {
				throw new IllegalArgumentException("no " + from);
			}
			text = text.substring(0, at) + to + text.substring(at + from.length());
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
