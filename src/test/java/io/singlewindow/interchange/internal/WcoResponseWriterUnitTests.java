package io.singlewindow.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.ConsolidatedResponse.LineTaxes;
import io.singlewindow.declaration.ConsolidatedResponse.Notice;

/**
 * The WCO DM Response of a submitted declaration, byte for byte against a golden file (run with
 * {@code -Dgolden.update=true} to write it anew after a deliberate change, and read the diff), the function code each
 * consolidated status is answered with, and what the agencies tell the declarant. {@link WcoReadBack} checks each
 * against the structure of the standard's schema.
 */
class WcoResponseWriterUnitTests {

	static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

	static final Path GOLDEN = Path.of("src/test/resources/interchange/golden-response-accepted.xml");

	static ConsolidatedResponse assessed(String status, List<Notice> notices) {
		return new ConsolidatedResponse(UUID.fromString("0b9f3c1e-8a47-4c2d-9f00-5e6a7b8c9d01"), "XM2026110000042",
				"91350200MA2XYZ1234", "GOLDEN-WCO-1", status, 3, Instant.parse("2026-11-30T05:59:00Z"),
				new BigDecimal("58400.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("7592.00"),
				new BigDecimal("7592.00"), notices, List.of(new LineTaxes(1, new BigDecimal("0.00"),
						new BigDecimal("0.00"), new BigDecimal("5200.00")), new LineTaxes(2, new BigDecimal("0.00"),
								new BigDecimal("0.00"), new BigDecimal("2392.00"))));
	}

	static ConsolidatedResponse assessed(String status) {
		return assessed(status, List.of());
	}

	@Test
	void aLinesTradeRemedyDutiesAreAnsweredAsOtherTaxesUnderItsGoodsItem() throws Exception {
		var withRemedies = new ConsolidatedResponse(UUID.randomUUID(), "XM2026120600000007", "91350200MA2XYZ1234",
				"REMEDY-1", "UNDER_REVIEW", 1, NOW, new BigDecimal("21300.00"), new BigDecimal("0.00"),
				new BigDecimal("0.00"), new BigDecimal("3322.80"), new BigDecimal("7582.80"), List.of(),
				List.of(new LineTaxes(1, new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("3322.80"),
						new BigDecimal("4260.00"))), new BigDecimal("4260.00"));

		WcoReadBack read = WcoReadBack.read(WcoResponseWriter.accepted("REMEDY-1", withRemedies, NOW));

		String perLine = "Declaration/GoodsShipment/GovernmentAgencyGoodsItem/Commodity/DutyTaxFee/";
		assertThat(read.all(perLine + "TypeCode")).containsExactly("CUD", "EXC", "VAT", "OTH");
		assertThat(read.all(perLine + "Payment/TaxAssessedAmount")).containsExactly("0.00", "0.00", "3322.80",
				"4260.00");
		assertThat(read.one("Declaration/DutyTaxFee/Payment/TaxAssessedAmount")).isEqualTo("7582.80");
	}

	@Test
	void anAssessedDeclarationIsAnsweredWithItsNumberVersionStatusAndTaxesInTotalAndByLine() throws Exception {
		byte[] written = WcoResponseWriter.accepted("GOLDEN-WCO-1", assessed("UNDER_REVIEW"), NOW);

		if (Boolean.getBoolean("golden.update")) {
			Files.write(GOLDEN, written);
		}
		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(Files.readString(GOLDEN));
		WcoReadBack read = WcoReadBack.read(written);
		assertThat(read.one("Declaration/ID")).isEqualTo("XM2026110000042");
		assertThat(read.one("Declaration/DutyTaxFee/Payment/TaxAssessedAmount")).isEqualTo("7592.00");
		String perLine = "Declaration/GoodsShipment/GovernmentAgencyGoodsItem/Commodity/DutyTaxFee/";
		assertThat(read.all(perLine + "TypeCode")).containsExactly("CUD", "EXC", "VAT", "CUD", "EXC", "VAT");
		assertThat(read.all(perLine + "Payment/TaxAssessedAmount")).containsExactly("0.00", "0.00", "5200.00", "0.00",
				"0.00", "2392.00");
		assertThat(read.all("Declaration/GoodsShipment/GovernmentAgencyGoodsItem/SequenceNumeric")).containsExactly("1",
				"2");
	}

	@Test
	void aQueriedDeclarationsResponseAsksTheAgencysQuestionWithTheDayToAnswerItBy() {
		var queried = assessed("QUERIED", List.of(new Notice("CIQ", Notice.Kind.QUESTION,
				"请提供原产地证 (certificate of origin)", LocalDate.parse("2026-12-07"))));

		WcoReadBack read = WcoReadBack.read(WcoResponseWriter.accepted("R-1", queried, NOW));

		assertThat(read.one("FunctionCode")).isEqualTo("06");
		assertThat(read.one("AdditionalInformation/StatementCode")).isEqualTo("CIQ");
		assertThat(read.one("AdditionalInformation/StatementDescription")).isEqualTo("请提供原产地证 (certificate of origin)");
		assertThat(read.one("AdditionalInformation/LimitDateTime/DateTimeString")).isEqualTo("20261207");
		assertThat(read.one("AdditionalInformation/StatementTypeCode")).isEqualTo("ACB");
		assertThat(read.one("Status/NameCode")).isEqualTo("QUERIED");
	}

	@Test
	void aRejectedDeclarationsResponseSaysWhichAgencyRejectedItAndWhy() {
		var rejected = assessed("REJECTED", List.of(
				new Notice("CIQ", Notice.Kind.REJECTION, "Quarantine certificate missing.", null)));

		WcoReadBack read = WcoReadBack.read(WcoResponseWriter.accepted("R-1", rejected, NOW));

		assertThat(read.one("FunctionCode")).isEqualTo("10");
		assertThat(read.one("AdditionalInformation/StatementCode")).isEqualTo("CIQ");
		assertThat(read.one("AdditionalInformation/StatementTypeCode")).isEqualTo("ACD");
		assertThat(read.all("AdditionalInformation/LimitDateTime")).isEmpty();
	}

	@Test
	void whatTheStandardCannotHoldIsShortenedOrLeftOutNeverWrittenInvalid() {
		// A question of 2,000 characters (the platform's limit) ending in a character outside the BMP at 512, and a
		// REST client's reference of 100 characters (the standard's is 35).
		String question = "问".repeat(511) + "😀" + "x".repeat(1487);
		var queried = new ConsolidatedResponse(UUID.randomUUID(), "XM1", "D", "R".repeat(100), "QUERIED", 2, null,
				null, null, null, null, null,
				List.of(new Notice("CUSTOMS", Notice.Kind.QUESTION, question, LocalDate.parse("2026-12-07"))), List.of());

		WcoReadBack read = WcoReadBack.read(WcoResponseWriter.accepted("R".repeat(100), queried, NOW));

		assertThat(read.one("AdditionalInformation/StatementDescription")).isEqualTo("问".repeat(511));
		assertThat(read.all("FunctionalReferenceID")).isEmpty();
		assertThat(WcoReadBack.read(WcoResponseWriter.refused("R".repeat(36), List.of(), NOW))
			.all("Declaration/FunctionalReferenceID")).isEmpty();
	}

	@Test
	void aRefusedDeclarationIsAnsweredWithEachProblemsPointersItsReferenceAndWhenItWasRefused() {
		byte[] written = WcoResponseWriter.refused("LRN-35-" + "x".repeat(28), List.of(new EdifactAnswer.Refusal(
				"HS_CODE_FORMAT", "Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Classification/ID",
				"'84713' is not a commodity code.")), NOW);

		WcoReadBack.read(written);
		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("""
				<?xml version="1.0" encoding="UTF-8"?>
				<Response xmlns="urn:wco:datamodel:WCO:RES-DMS:2" xmlns:ds="urn:wco:datamodel:WCO:Response_DS:DMS:2">
				  <FunctionCode>03</FunctionCode>
				  <FunctionalReferenceID>LRN-35-xxxxxxxxxxxxxxxxxxxxxxxxxxxx</FunctionalReferenceID>
				  <IssueDateTime>
				    <ds:DateTimeString formatCode="304">20261130060000Z</ds:DateTimeString>
				  </IssueDateTime>
				  <Error>
				    <Description>'84713' is not a commodity code. [Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Classification/ID]</Description>
				    <ValidationCode>HS_CODE_FORMAT</ValidationCode>
				    <Pointer>
				      <DocumentSectionCode>42A</DocumentSectionCode>
				    </Pointer>
				    <Pointer>
				      <DocumentSectionCode>67A</DocumentSectionCode>
				    </Pointer>
				    <Pointer>
				      <SequenceNumeric>2</SequenceNumeric>
				      <DocumentSectionCode>68A</DocumentSectionCode>
				    </Pointer>
				    <Pointer>
				      <DocumentSectionCode>23A</DocumentSectionCode>
				    </Pointer>
				    <Pointer>
				      <TagID>145</TagID>
				    </Pointer>
				  </Error>
				  <Status>
				    <NameCode>REFUSED</NameCode>
				  </Status>
				  <Declaration>
				    <FunctionalReferenceID>LRN-35-xxxxxxxxxxxxxxxxxxxxxxxxxxxx</FunctionalReferenceID>
				    <RejectionDateTime>
				      <ds:DateTimeString formatCode="304">20261130060000Z</ds:DateTimeString>
				    </RejectionDateTime>
				  </Declaration>
				</Response>
				""");
	}

	@Test
	void aTextOfTheStandardsLengthIsKeptWholeAndOneCharacterMoreIsCut() {
		assertThat(WcoResponseWriter.shortened("a".repeat(512))).hasSize(512);
		assertThat(WcoResponseWriter.shortened("a".repeat(513))).isEqualTo("a".repeat(512));
		assertThat(WcoResponseWriter.shortened("a".repeat(511) + "😀")).isEqualTo("a".repeat(511));
		assertThat(WcoResponseWriter.shortened(null)).isEmpty();
	}

	@Test
	void theStructureCheckRefusesTheResponseAsThePlatformWroteItBefore() {
		// Until 2026-12-03: Status after Declaration, DateTimeString in the Response's namespace instead of its
		// types', a duty's TypeCode on the declaration and a Pointer/Location the schema does not have.
		String before = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Response xmlns="urn:wco:datamodel:WCO:RES-DMS:2">
				  <FunctionCode>01</FunctionCode>
				  <IssueDateTime><DateTimeString formatCode="304">20261130055900Z</DateTimeString></IssueDateTime>
				  <Declaration><ID>XM2026110000042</ID></Declaration>
				  <Status><NameCode>UNDER_REVIEW</NameCode></Status>
				</Response>""";
		String[] wrongs = { before,
				before.replace("<DateTimeString formatCode=\"304\">20261130055900Z</DateTimeString>",
						"<ds:DateTimeString xmlns:ds=\"" + WcoResponseWriter.TYPES
								+ "\" formatCode=\"304\">20261130055900Z</ds:DateTimeString>"),
				before.replace("<ID>XM2026110000042</ID>",
						"<ID>XM1</ID><DutyTaxFee><TypeCode>CUD</TypeCode></DutyTaxFee>"),
				before.replace("<FunctionCode>01</FunctionCode>",
						"<FunctionCode>01</FunctionCode><Error><Pointer><Location>Declaration/ID</Location></Pointer></Error>") };
		for (String wrong : wrongs) {
			assertThatThrownBy(() -> WcoReadBack.read(wrong.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(AssertionError.class).hasMessageContaining("not a Response of the standard's structure");
		}
	}

	@Test
	void eachConsolidatedStatusHasItsFunctionCodeAndAnEndItsDate() {
		for (String[] status : new String[][] { { "UNDER_REVIEW", "01" }, { "QUERIED", "06" }, { "REJECTED", "10" },
				{ "WITHDRAWN", "10" }, { "CLEARED", "09" }, { "RELEASED", "08" }, { "CANCELLED", "10" } }) {
			WcoReadBack read = WcoReadBack.read(WcoResponseWriter.accepted("R", assessed(status[0]), NOW));
			assertThat(read.one("FunctionCode")).as(status[0]).isEqualTo(status[1]);
			assertThat(read.one("Status/NameCode")).isEqualTo(status[0]);
			// A withdrawal, a cancellation and a rejection say when, where the schema has a place for it; the others
			// have none.
			assertThat(read.all("Declaration/CancellationDateTime/DateTimeString")).as(status[0])
				.isEqualTo(status[0].equals("WITHDRAWN") || status[0].equals("CANCELLED") ? List.of("20261130055900Z")
						: List.of());
			assertThat(read.all("Declaration/RejectionDateTime/DateTimeString")).as(status[0])
				.isEqualTo(status[0].equals("REJECTED") ? List.of("20261130055900Z") : List.of());
		}
	}

	@Test
	void beforeAssessmentThereAreNoDutiesAndControlCharactersOfAProblemTextAreNotWrittenAsXml() {
		var unassessed = new ConsolidatedResponse(UUID.randomUUID(), "XM1", "D", "R", "UNDER_REVIEW", 1, null, null,
				null, null, null, null, List.of(), List.of());
		assertThat(WcoReadBack.read(WcoResponseWriter.accepted("R", unassessed, NOW)).all("Declaration/DutyTaxFee"))
			.isEmpty();

		WcoReadBack refused = WcoReadBack.read(WcoResponseWriter.refused("R",
				List.of(new EdifactAnswer.Refusal("HS_CODE_FORMAT", "Declaration/TypeCode", "bad \u0000 code")), NOW));
		assertThat(refused.one("Error/Description")).isEqualTo("bad   code [Declaration/TypeCode]");
		assertThat(refused.one("Error/Pointer/TagID")).isEqualTo("D013");
	}
}
