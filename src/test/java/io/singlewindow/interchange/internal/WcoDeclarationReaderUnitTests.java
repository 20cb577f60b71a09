package io.singlewindow.interchange.internal;

import static io.singlewindow.interchange.internal.WcoFixtures.aWcoDeclaration;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;

/**
 * Reading WCO DM declarations, good and hostile, without the rest of the platform: what a declaration becomes, and
 * the precise refusal of every document that is not one, before any of it is used.
 */
class WcoDeclarationReaderUnitTests {

	static final WcoDeclarationReader reader = new WcoDeclarationReader();

	@Test
	void aDeclarationBecomesTheWebFormsFieldsEachNamedByItsElement() {
		BatchedDeclaration d = read(aWcoDeclaration("LRN-7").declarant("91350200MA2XYZ1234").text());

		assertThat(d.reference()).isEqualTo("LRN-7");
		assertThat(d.problems()).isEmpty();
		assertThat(d.fields()).containsEntry("flow", "IMPORT").containsEntry("clientReference", "LRN-7")
			.containsEntry("port", "CNXMN").containsEntry("tradeMode", "0110").containsEntry("transportMode", "4")
			.containsEntry("incoterm", "CIF").containsEntry("currency", "USD").containsEntry("grossWeight", "12")
			.containsEntry("netWeight", "10").containsEntry("packages", "3").containsEntry("originCountry", "US")
			.containsEntry("destinationCountry", "CN").containsEntry("tradingCountry", "US")
			.containsEntry("declarant", "91350200MA2XYZ1234").containsEntry("consignee", "厦门芯片贸易有限公司")
			.containsEntry("items[1].hsCode", "8471300000").containsEntry("items[1].unit", "C62")
			.containsEntry("items[1].quantity", "5").containsEntry("items[0].description", "processors")
			.containsEntry("items[0].value", "4000").containsEntry("items[0].origin", "US");
		assertThat(d.sources()).containsEntry("port", "Declaration/DeclarationOfficeID")
			.containsEntry("items[0]", "Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]")
			.containsEntry("items[1].hsCode",
					"Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Classification/ID")
			.containsEntry("items[1].unit",
					"Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/GoodsMeasure/TariffQuantity/@unitCode");
		assertThat(d.lines()).isEqualTo(2);
	}

	@Test
	void aQuotaPriorAllocationCertificateIsTheLinesTariffQuotaCertificate() {
		// AdditionalDocument TypeCode 966 (UNCL 1001 "quota prior allocation certificate"): the line's 关税配额证
		BatchedDeclaration d = read(aWcoDeclaration("LRN-TQ").replacingLast("</GovernmentAgencyGoodsItem>",
				"<AdditionalDocument><ID>TQ-2026-000017</ID><TypeCode>966</TypeCode></AdditionalDocument>"
						+ "</GovernmentAgencyGoodsItem>")
			.text());

		assertThat(d.problems()).isEmpty();
		assertThat(d.fields()).containsEntry("items[1].tariffQuotaCertificate", "TQ-2026-000017")
			.doesNotContainKey("items[1].permitNumber");
	}

	@Test
	void aGoodsItemsManufacturerIsTheLinesProducer() {
		// Manufacturer/Name (a platform extension, not in DEC-DMS:2): whose own rate an anti-dumping notice may set
		BatchedDeclaration d = read(aWcoDeclaration("LRN-MF").replacingLast("</GovernmentAgencyGoodsItem>",
				"<Manufacturer><Name>Kedah Silicon Sdn Bhd</Name></Manufacturer></GovernmentAgencyGoodsItem>")
			.text());

		assertThat(d.problems()).isEmpty();
		assertThat(d.fields()).containsEntry("items[1].producer", "Kedah Silicon Sdn Bhd")
			.doesNotContainKey("items[0].producer");
	}

	@Test
	void aDeclarationInTheMetaDataEnvelopeIsReadTheSame() {
		assertThat(read(aWcoDeclaration("LRN-8").inEnvelope().text()).fields())
			.isEqualTo(read(aWcoDeclaration("LRN-8").text()).fields());
	}

	@Test
	void anExportTakesItsTradingCountryFromTheBuyerAndAnyOtherClassificationThanHsIsNotRead() {
		BatchedDeclaration d = read(aWcoDeclaration("LRN-9").replacing("<TypeCode>IMZ", "<TypeCode>EXA")
			.replacing("<Seller>", "<Buyer><Address><CountryCode>DE</CountryCode></Address></Buyer><Seller>")
			.replacing("<Classification>", "<Classification><ID>99999999</ID><IdentificationTypeCode>TRC</IdentificationTypeCode></Classification><Classification>")
			.text());

		assertThat(d.fields()).containsEntry("flow", "EXPORT").containsEntry("tradingCountry", "DE")
			.containsEntry("items[0].hsCode", "8542319000");
	}

	@Test
	void weightsInAnotherUnitThanKilogramsAndAnAmendmentAreProblemsOfTheDeclarationNamedByTheirElement() {
		BatchedDeclaration d = read(WcoFixtures.golden().replace("<FunctionCode>9<", "<FunctionCode>13<"));

		assertThat(d.problems()).extracting(p -> p.code() + " " + d.sources().get(p.field())).containsExactly(
				"WEIGHT_UNIT_NOT_KILOGRAM Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/GoodsMeasure/NetNetWeightMeasure/@unitCode",
				"INTERCHANGE_XML_FUNCTION_NOT_SUPPORTED Declaration/FunctionCode");
	}

	@Test
	void freightAndInsuranceAreReadFromTheCustomsValuation() {
		BatchedDeclaration d = read(onFobTerms(aWcoDeclaration("LRN-FOB"), "USD", "USD").text());

		assertThat(d.problems()).isEmpty();
		assertThat(d.fields()).containsEntry("incoterm", "FOB").containsEntry("freight", "300")
			.containsEntry("insurance", "25.50");
		assertThat(d.sources())
			.containsEntry("freight", "Declaration/GoodsShipment/CustomsValuation/FreightChargeAmount")
			.containsEntry("insurance",
					"Declaration/GoodsShipment/CustomsValuation/ChargeDeduction/OtherChargeDeductionAmount");
	}

	@Test
	void anAmountInAnotherCurrencyThanTheInvoicesIsAProblemNamedByItsCurrencyNeverReadAsTheInvoicesCurrency() {
		// 4,000 EUR on a USD invoice would otherwise be valued as 4,000 USD: a duty on the wrong amount.
		BatchedDeclaration d = read(onFobTerms(aWcoDeclaration("LRN-EUR"), "EUR", "JPY")
			.replacing("<ItemChargeAmount currencyID=\"USD\">", "<ItemChargeAmount currencyID=\"EUR\">").text());

		assertThat(d.problems()).extracting(p -> p.code() + " " + java.util.Arrays.toString(p.arguments()) + " " + d.sources().get(p.field()))
			.containsExactly(
					"AMOUNT_CURRENCY_DIFFERS [EUR, USD] Declaration/GoodsShipment/CustomsValuation/FreightChargeAmount/@currencyID",
					"AMOUNT_CURRENCY_DIFFERS [JPY, USD] Declaration/GoodsShipment/CustomsValuation/ChargeDeduction/OtherChargeDeductionAmount/@currencyID",
					"AMOUNT_CURRENCY_DIFFERS [EUR, USD] Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]/Commodity/InvoiceLine/ItemChargeAmount/@currencyID");
	}

	@Test
	void aChargeOtherThanInsuranceIsRefusedNeitherReadAsInsuranceNorLeftOutOfTheValue() {
		// A commission (AI) adds to the customs value: valued without it, the declaration paid too little duty.
		BatchedDeclaration commission = withHeaderCharge("<ChargesTypeCode>AI</ChargesTypeCode>");
		BatchedDeclaration untyped = withHeaderCharge("");

		String charge = "Declaration/GoodsShipment/CustomsValuation/ChargeDeduction/";
		assertThat(commission.fields()).doesNotContainKeys("insurance", "freight");
		assertThat(commission.problems()).extracting(p -> p.code() + " " + java.util.Arrays.toString(p.arguments())
				+ " " + commission.sources().get(p.field()))
			.containsExactly("INTERCHANGE_CHARGE_NOT_TAKEN [AI] " + charge + "ChargesTypeCode");
		assertThat(untyped.problems()).extracting(p -> p.code() + " " + untyped.sources().get(p.field()))
			.as("an amount of no type, at the amount").containsExactly(
					"INTERCHANGE_CHARGE_NOT_TAKEN " + charge + "OtherChargeDeductionAmount");
	}

	private static BatchedDeclaration withHeaderCharge(String type) {
		return read(aWcoDeclaration("LRN-CHARGE").replacing("<TradeTerms>", "<CustomsValuation><ChargeDeduction>" + type
				+ "<OtherChargeDeductionAmount currencyID=\"USD\">99</OtherChargeDeductionAmount>"
				+ "</ChargeDeduction></CustomsValuation><TradeTerms>").text());
	}

	@Test
	void freightOrInsuranceOfOneGoodsItemIsRefusedNeverLeftOutOfTheValue() {
		// Per goods item: insurance declared here fell back to the deemed 3‰ of the whole, without a word.
		BatchedDeclaration d = read(aWcoDeclaration("LRN-ITEM").replacing("<SequenceNumeric>2</SequenceNumeric>",
				"<SequenceNumeric>2</SequenceNumeric><CustomsValuation>"
						+ "<FreightChargeAmount currencyID=\"USD\">40</FreightChargeAmount>"
						+ "<ChargeDeduction><ChargesTypeCode>67</ChargesTypeCode>"
						+ "<OtherChargeDeductionAmount currencyID=\"USD\">12</OtherChargeDeductionAmount>"
						+ "</ChargeDeduction><ChargeDeduction>"
						+ "<OtherChargeDeductionAmount currencyID=\"USD\">5</OtherChargeDeductionAmount>"
						+ "</ChargeDeduction></CustomsValuation>").text());

		assertThat(d.fields()).doesNotContainKeys("insurance", "freight");
		String item = "Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/CustomsValuation/";
		assertThat(d.problems()).extracting(p -> p.code() + " " + java.util.Arrays.toString(p.arguments()) + " "
				+ d.sources().get(p.field())).containsExactly(
						"INTERCHANGE_CHARGE_NOT_TAKEN [64] " + item + "FreightChargeAmount",
						"INTERCHANGE_CHARGE_NOT_TAKEN [67] " + item + "ChargeDeduction/ChargesTypeCode",
						"INTERCHANGE_CHARGE_NOT_TAKEN [—] " + item + "ChargeDeduction/OtherChargeDeductionAmount");
	}

	@Test
	void anElementOfOneValueGivenTwiceIsAProblemAtItsSecondNeverEitherValue() {
		// Without the XSD's cardinality check, the second would have replaced the first without a word: CIF or FOB,
		// 4,000 or 40, as the reader happened to keep it.
		BatchedDeclaration d = read(aWcoDeclaration("LRN-TWICE")
			.replacing("<ConditionCode>CIF</ConditionCode>", "<ConditionCode>CIF</ConditionCode><ConditionCode>FOB</ConditionCode>")
			.replacing("<ItemChargeAmount currencyID=\"USD\">4000</ItemChargeAmount>",
					"<ItemChargeAmount currencyID=\"USD\">4000</ItemChargeAmount><ItemChargeAmount currencyID=\"USD\">40</ItemChargeAmount>")
			.replacing("<IdentificationTypeCode>HS</IdentificationTypeCode>\n        </Classification>",
					"<IdentificationTypeCode>HS</IdentificationTypeCode>\n        </Classification><Classification><ID>8542319000</ID></Classification>")
			.text());

		assertThat(d.problems()).extracting(p -> p.code() + " " + d.sources().get(p.field())).containsExactly(
				"INTERCHANGE_VALUE_REPEATED Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]/Commodity/Classification/ID",
				"INTERCHANGE_VALUE_REPEATED Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]/Commodity/InvoiceLine/ItemChargeAmount",
				"INTERCHANGE_VALUE_REPEATED Declaration/GoodsShipment/TradeTerms/ConditionCode");
		assertThat(d.fields()).containsEntry("incoterm", "CIF").containsEntry("items[0].value", "4000");
	}

	static final String PROCEDURE = "<GovernmentProcedure>\n        <CurrentCode>0110</CurrentCode>\n      </GovernmentProcedure>";

	@Test
	void theTradeModeIsReadWhereTheSchemaPutsItOnEachGoodsItemAndWhereThePlatformReadItBefore() {
		// DEC-DMS:2 has GovernmentProcedure on each goods item only (the fixture): before 2026-12-03 the platform read
		// it from GoodsShipment alone, so a declaration valid against the schema was refused for want of a trade mode.
		BatchedDeclaration asTheSchemaHasIt = read(aWcoDeclaration("LRN-GP1").text());
		BatchedDeclaration asBefore = read(aWcoDeclaration("LRN-GP2").replacing(PROCEDURE, "").replacing(PROCEDURE, "")
			.replacing("<GovernmentAgencyGoodsItem>", "<GovernmentProcedure><CurrentCode>0110</CurrentCode></GovernmentProcedure>"
					+ "<GovernmentAgencyGoodsItem>")
			.text());

		assertThat(asTheSchemaHasIt.problems()).isEmpty();
		assertThat(asTheSchemaHasIt.fields()).containsEntry("tradeMode", "0110");
		assertThat(asTheSchemaHasIt.sources()).containsEntry("tradeMode",
				"Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]/GovernmentProcedure/CurrentCode");
		assertThat(asBefore.problems()).isEmpty();
		assertThat(asBefore.fields()).containsEntry("tradeMode", "0110");
	}

	@Test
	void goodsItemsUnderDifferentTradeModesAreAProblemAtTheSecondNeverOneOfThemChosen() {
		// The first goods item under general trade (0110), the second under processing with imported materials (0214).
		BatchedDeclaration d = read(aWcoDeclaration("LRN-GP3").replacing(PROCEDURE, "<!-- first -->")
			.replacing(PROCEDURE, PROCEDURE.replace("0110", "0214")).replacing("<!-- first -->", PROCEDURE).text());

		assertThat(d.problems()).extracting(p -> p.code() + " " + d.sources().get(p.field())).containsExactly(
				"INTERCHANGE_TRADE_MODE_DIFFERS Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/GovernmentProcedure/CurrentCode");
	}

	@Test
	void aGoodsItemsFurtherProceduresAreNotItsTradeMode() {
		// CDS's first procedure of an item is its procedure code; the ones after it are additional procedure codes.
		BatchedDeclaration d = read(aWcoDeclaration("LRN-GP4")
			.replacing(PROCEDURE, PROCEDURE + "<GovernmentProcedure><CurrentCode>000</CurrentCode></GovernmentProcedure>")
			.text());

		assertThat(d.problems()).isEmpty();
		assertThat(d.fields()).containsEntry("tradeMode", "0110");
	}

	@Test
	void anElementIsPointedAtByTheWcoIdTheSchemaGivesIt() {
		// As annotated in HMRC's DEC-DMS:2 schema; before 2026-12-03 three were wrong (135, 068, 014).
		assertThat(WcoDeclaration.wcoId("Declaration/InvoiceAmount/@currencyID")).isEqualTo("109");
		assertThat(WcoDeclaration.wcoId("Declaration/BorderTransportMeans/ModeCode")).isEqualTo("T022");
		assertThat(WcoDeclaration.wcoId("Declaration/GoodsShipment/Destination/CountryCode")).isEqualTo("465");
		assertThat(WcoDeclaration.wcoId("Declaration/DeclarationOfficeID")).isEqualTo("065");
		assertThat(WcoDeclaration.wcoId(
				"Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/GoodsMeasure/NetNetWeightMeasure/@unitCode"))
			.isEqualTo("128");
		assertThat(WcoDeclaration.wcoId("Declaration/GoodsShipment/GovernmentAgencyGoodsItem[3]/GovernmentProcedure/CurrentCode"))
			.isEqualTo("166");
		assertThat(WcoDeclaration.wcoId("Declaration/GoodsShipment/GovernmentProcedure/CurrentCode")).isNull();
	}

	@Test
	void anImportersNameAndIdAreOneParty() {
		BatchedDeclaration d = read(aWcoDeclaration("LRN-PARTY")
			.replacing("<Name>厦门芯片贸易有限公司</Name>", "<ID>91350200MA2XYZ1234</ID><Name>厦门芯片贸易有限公司</Name>").text());

		assertThat(d.problems()).isEmpty();
		assertThat(d.fields()).containsEntry("consignee", "厦门芯片贸易有限公司");
	}

	/** The test import on FOB terms, with 300 of freight and 25.50 of insurance in the currencies given. */
	static WcoFixtures.Declaration onFobTerms(WcoFixtures.Declaration declaration, String freightCurrency,
			String insuranceCurrency) {
		// CustomsValuation before Destination, in the schema's order.
		return declaration.replacing("<ConditionCode>CIF<", "<ConditionCode>FOB<").replacing("<Destination>",
				"<CustomsValuation><FreightChargeAmount currencyID=\"" + freightCurrency + "\">300</FreightChargeAmount>"
						+ "<ChargeDeduction><ChargesTypeCode>67</ChargesTypeCode><OtherChargeDeductionAmount currencyID=\""
						+ insuranceCurrency + "\">25.50</OtherChargeDeductionAmount></ChargeDeduction></CustomsValuation>"
						+ "<Destination>");
	}

	@Test
	void aDeclarationWithoutFunctionalReferenceIsAProblemAndItsMissingElementsArePointedAtWhereTheyBelong() {
		BatchedDeclaration d = read(aWcoDeclaration("X").replacing("<FunctionalReferenceID>X</FunctionalReferenceID>", "")
			.replacing("<DeclarationOfficeID>CNXMN</DeclarationOfficeID>", "").text());

		assertThat(d.problems()).extracting(p -> p.code()).containsExactly("INTERCHANGE_XML_REFERENCE_REQUIRED");
		assertThat(d.sources()).containsEntry("port", "Declaration/DeclarationOfficeID")
			.containsEntry("clientReference", "Declaration/FunctionalReferenceID");
	}

	@Test
	void aDoctypeIsRefusedBeforeAnythingIsRead() {
		refused("<?xml version=\"1.0\"?><!DOCTYPE Declaration><Declaration xmlns=\"" + WcoDeclarationReader.NAMESPACE
				+ "\"/>", "INTERCHANGE_XML_DOCTYPE");
	}

	@Test
	void anExternalEntityIsNeverResolved() {
		String xxe = aWcoDeclaration("XXE").text().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE Declaration [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
			.replace("<Name>厦门芯片贸易有限公司</Name>", "<Name>&xxe;</Name>");

		Problem problem = refused(xxe, "INTERCHANGE_XML_DOCTYPE");
		assertThat(problem.toString()).doesNotContain("root:");
	}

	@Test
	void aBillionLaughsIsRefusedWithoutExpandingAnything() {
		StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
				.append("\">");
		}
		lol.append("]><Declaration xmlns=\"").append(WcoDeclarationReader.NAMESPACE)
			.append("\"><FunctionalReferenceID>&lol9;</FunctionalReferenceID></Declaration>");

		refused(lol.toString(), "INTERCHANGE_XML_DOCTYPE");
	}

	@Test
	void anEntityReferenceWithoutDoctypeIsRefused() {
		Problem problem = assertThatProblem(aWcoDeclaration("E").replacing("<Name>厦门芯片贸易有限公司</Name>",
				"<Name>&xxe;</Name>").text());
		assertThat(codes(problem)).containsAnyOf("INTERCHANGE_XML_ENTITY", "INTERCHANGE_XML_MALFORMED");
	}

	@Test
	void malformedXmlIsRefusedWithItsLineAndColumn() {
		Problem problem = refused(aWcoDeclaration("M").text().replace("</Declaration>", "</Declaratio>"),
				"INTERCHANGE_XML_MALFORMED");
		assertThat(problem.fieldProblems().getFirst().arguments()[0]).isEqualTo(82);
	}

	@Test
	void anotherNamespaceOrRootIsNoWcoDeclaration() {
		refused(aWcoDeclaration("N").text().replace(WcoDeclarationReader.NAMESPACE, "urn:wco:datamodel:WCO:DEC-DMS:1"),
				"INTERCHANGE_XML_NOT_WCO");
		refused("<Invoice xmlns=\"" + WcoDeclarationReader.NAMESPACE + "\"/>", "INTERCHANGE_XML_NOT_WCO");
		refused("<md:MetaData xmlns:md=\"" + WcoDeclarationReader.METADATA_NAMESPACE + "\"/>", "INTERCHANGE_XML_NOT_WCO");
	}

	@Test
	void twoDeclarationsInOneEnvelopeAreRefused() {
		String one = aWcoDeclaration("A").text().replaceFirst("(?s)^.*?(<Declaration )", "$1");
		refused("<md:MetaData xmlns:md=\"" + WcoDeclarationReader.METADATA_NAMESPACE + "\">" + one + one
				+ "</md:MetaData>", "INTERCHANGE_XML_ONE_DECLARATION");
	}

	@Test
	void aHugeTextNodeIsRefusedOnceItPassesTheLongestValueWithoutReadingTheRest() {
		String head = aWcoDeclaration("H").text().replace("<Description>processors", "<Description>");
		int at = head.indexOf("<Description>") + "<Description>".length();
		CountingStream body = new CountingStream(head.substring(0, at).getBytes(StandardCharsets.UTF_8), 40_000_000, 'x');

		Problem problem = assertThatProblem(body);

		assertThat(codes(problem)).containsExactly("INTERCHANGE_XML_TOO_LARGE");
		assertThat(problem.fieldProblems().getFirst().field())
			.isEqualTo("Declaration/GoodsShipment/GovernmentAgencyGoodsItem/Commodity/Description");
		assertThat(body.served).isLessThan(1_000_000);
	}

	@Test
	void fiftyMegabytesOfGarbageAreRefusedAtTheirFirstBytes() {
		CountingStream garbage = new CountingStream(new byte[0], 50_000_000, 0x01);

		Problem problem = assertThatProblem(garbage);

		assertThat(codes(problem)).containsExactly("INTERCHANGE_XML_MALFORMED");
		assertThat(garbage.served).isLessThan(1_000_000);
	}

	/**
	 * Found by the integration test: bytes that are no UTF-8 made the parser throw an IOException of its own, which was
	 * taken for the request's stream failing (400) instead of a fault of the document.
	 */
	@Test
	void bytesThatAreNoCharactersOfTheEncodingAreMalformedXmlNotALostConnection() {
		byte[] garbage = new byte[64 * 1024];
		new java.util.SplittableRandom(17).nextBytes(garbage);

		assertThat(codes(assertThatProblem(new ByteArrayInputStream(garbage)))).containsExactly(
				"INTERCHANGE_XML_MALFORMED");
		assertThat(codes(assertThatProblem(aWcoDeclaration("U").text().replace("processors", "\uFFFF")
			.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>"))))
			.containsExactly("INTERCHANGE_XML_MALFORMED");
	}

	@Test
	void aFailingRequestStreamIsNoFaultOfTheDocument() {
		InputStream failing = new InputStream() {
			@Override
			public int read() throws java.io.IOException {
				throw new java.io.IOException("connection reset");
			}
		};

		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(failing)))
			.isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("connection reset");
	}

	@Test
	void aDocumentBeyondFourMegabytesIsRefusedAsTooLarge() {
		String padded = aWcoDeclaration("P").text().replace("<GoodsShipment>",
				"<GoodsShipment>" + "<Note>x</Note>".repeat(400_000));

		refused(padded, "INTERCHANGE_XML_TOO_LARGE");
	}

	@Test
	void elementsNestedDeeperThanAnyDeclarationNeedsAreRefused() {
		refused(aWcoDeclaration("D").text().replace("<GoodsShipment>", "<GoodsShipment>" + "<A>".repeat(20)
				+ "</A>".repeat(20)), "INTERCHANGE_XML_TOO_LARGE");
	}

	@Test
	void aCancellationAsTheUkPublishesItNamesTheDeclarationItsReasonAndItsOwnReference() {
		WcoDeclaration document = reader.readDocument(new ByteArrayInputStream(WcoFixtures
			.aCancellation("7849431M0ZUP", "XM2026000123", "This is a duplicate declaration")
			.replacing("</AdditionalInformation>", "</AdditionalInformation><AdditionalInformation>"
					+ "<StatementDescription>please cancel</StatementDescription></AdditionalInformation>")
			.bytes()));

		assertThat(document.requests()).isTrue();
		WcoDeclaration.Cancellation cancellation = document.cancellation();
		assertThat(cancellation.reference()).isEqualTo("7849431M0ZUP");
		assertThat(cancellation.number()).isEqualTo("XM2026000123");
		assertThat(cancellation.reason()).isEqualTo("This is a duplicate declaration\nplease cancel");
		assertThat(cancellation.problems()).isEmpty();
		assertThat(cancellation.sources()).containsEntry("number", "Declaration/ID");
		// A declaration is no request, and its own ID (none is read from it) names nothing.
		assertThat(reader.readDocument(new ByteArrayInputStream(aWcoDeclaration("LRN-1").bytes())).requests())
			.isFalse();
	}

	@Test
	void anAmendmentIsTheDeclarationAgainWithoutADirectionNamedByItsNumberWithItsReason() {
		WcoDeclaration document = reader.readDocument(new ByteArrayInputStream(WcoFixtures
			.anAmendment("AMD-1", "XM2026000123", "Amending item price as a mistake was made").bytes()));

		assertThat(document.requests()).isTrue();
		assertThat(document.amends()).isTrue();
		WcoDeclaration.Amendment amendment = document.amendment();
		assertThat(amendment.reference()).isEqualTo("AMD-1");
		assertThat(amendment.number()).isEqualTo("XM2026000123");
		assertThat(amendment.reason()).isEqualTo("Amending item price as a mistake was made");
		assertThat(amendment.problems()).isEmpty();
		assertThat(amendment.sources()).containsEntry("number", "Declaration/ID")
			.containsEntry("reason", "Declaration/AdditionalInformation/StatementDescription");
		BatchedDeclaration declared = amendment.declaration();
		assertThat(declared.problems()).isEmpty();
		// COR is what the request is, not a direction; the seller's country is still the trading partner's.
		assertThat(declared.fields()).doesNotContainKey("flow").containsEntry("tradingCountry", "US")
			.containsEntry("items[1].value", "4000").containsEntry("clientReference", "AMD-1");
		assertThat(reader.readDocument(new ByteArrayInputStream(WcoFixtures.anAmendment("AMD-2", "", "x").bytes()))
			.amendment().problems()).extracting(p -> p.code() + " " + p.field())
			.containsExactly("INTERCHANGE_XML_DECLARATION_ID_REQUIRED number");
		// Its type before its function (out of the schema's order) is still no direction.
		assertThat(reader.readDocument(new ByteArrayInputStream(WcoFixtures.anAmendment("AMD-3", "XM1", "x")
			.replacing("<FunctionCode>13</FunctionCode>", "").replacing("<TypeCode>COR</TypeCode>",
					"<TypeCode>COR</TypeCode><FunctionCode>13</FunctionCode>").bytes()))
			.amendment().declaration().fields()).doesNotContainKey("flow");
	}

	private static BatchedDeclaration read(String xml) {
		return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static Problem refused(String xml, String code) {
		Problem problem = assertThatProblem(xml);
		assertThat(codes(problem)).containsExactly(code);
		return problem;
	}

	private static Problem assertThatProblem(String xml) {
		return assertThatProblem(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static Problem assertThatProblem(InputStream in) {
		var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(in));
		assertThat(thrown).isInstanceOf(Problem.class);
		Problem problem = (Problem) thrown;
		assertThat(problem.status().value()).isEqualTo(422);
		return problem;
	}

	private static java.util.List<String> codes(Problem problem) {
		return problem.fieldProblems().stream().map(p -> p.code()).toList();
	}

	/** A head followed by as many bytes of one kind as asked, served as they are read, counting them. */
	static final class CountingStream extends InputStream {

		private final byte[] head;
		private final long length;
		private final int tail;
		long served;

		CountingStream(byte[] head, long tailLength, int tail) {
			this.head = head;
			this.length = head.length + tailLength;
			this.tail = tail;
		}

		@Override
		public int read() {
			if (served >= length) {
				return -1;
			}
			return served < head.length ? head[(int) served++] : tailByte();
		}

		private int tailByte() {
			served++;
			return tail;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (served >= length) {
				return -1;
			}
			int n = (int) Math.min(len, length - served);
			for (int i = 0; i < n; i++) {
				b[off + i] = (byte) read();
			}
			return n;
		}
	}
}
