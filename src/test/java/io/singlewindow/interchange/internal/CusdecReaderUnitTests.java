package io.singlewindow.interchange.internal;

import static io.singlewindow.interchange.internal.CusdecFixtures.aCusdec;
import static io.singlewindow.interchange.internal.CusdecFixtures.anInterchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;

/**
 * Reading interchanges, good and hostile, without the rest of the platform: what each message becomes, and the
 * syntax error CONTRL will name for every kind of breakage.
 */
class CusdecReaderUnitTests {

	static final CusdecReader reader = new CusdecReader(new EdifactSchemas());

	@Test
	void aCusdecBecomesTheWebFormsFieldsEachNamedByItsSegmentAndElement() {
		var read = read(anInterchange("IC1").with(aCusdec("7").declarant("91350200MA2XYZ1234")));

		assertThat(read.refusal()).isNull();
		var message = read.messages().getFirst();
		assertThat(message.readable()).as("%s", message.errors()).isTrue();
		var declaration = message.declaration();
		assertThat(declaration.reference()).isEqualTo("7");
		assertThat(declaration.fields()).containsEntry("flow", "IMPORT").containsEntry("port", "CNXMN")
			.containsEntry("tradeMode", "0110").containsEntry("transportMode", "4").containsEntry("incoterm", "CIF")
			.containsEntry("currency", "USD").containsEntry("grossWeight", "12").containsEntry("declarant",
					"91350200MA2XYZ1234")
			.containsEntry("items[1].hsCode", "8471300000").containsEntry("items[1].unit", "C62")
			.containsEntry("items[0].description", "processors");
		assertThat(declaration.sources()).containsEntry("port", "UNH+7/LOC 3/C517.3225")
			.containsEntry("items[0]", "UNH+7/CST 17").containsEntry("items[0].quantity", "UNH+7/QTY 20/C186.6060");
		assertThat(declaration.lines()).isEqualTo(2);
	}

	@Test
	void aCommaDecimalMarkIsReadAsAPoint() {
		String text = anInterchange("IC1").with(aCusdec("1").replacing("MEA+WT+G+", "MEA+WT+G+KGM:12,5")).text()
			.replace("UNA:+.?*'", "UNA:+,?*'");

		var read = reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

		assertThat(read.messages().getFirst().declaration().fields()).containsEntry("grossWeight", "12.5");
	}

	@Test
	void anAmountInAnotherCurrencyThanTheDeclarationsIsAProblemNamedByItsCurrencyNeverReadAsTheDeclarations() {
		// MOA C516/6345: 4,000 EUR in a USD declaration would otherwise be valued as 4,000 USD.
		var read = read(anInterchange("IC1").with(aCusdec("3").replacing("MOA+38:4000", "MOA+38:3999:USD")
			.replacing("MOA+38:4000", "MOA+38:4000:EUR")));

		var declaration = read.messages().getFirst().declaration();
		assertThat(declaration.problems()).extracting(p -> p.field() + " " + p.code() + " " + Arrays.toString(p.arguments()))
			.containsExactly("UNH+3/MOA 25/C516.6345 AMOUNT_CURRENCY_DIFFERS [EUR, USD]");
		assertThat(declaration.fields()).containsEntry("items[0].value", "3999").containsEntry("items[1].value", "4000");
	}

	@Test
	void aValueGivenTwiceIsAProblemAtItsSecondNeverEitherValue() {
		// The second line's amount given twice: 4,000 or 40, as the reader happened to keep it (refused once, not
		// again for the currency of the amount it did not take).
		var read = read(anInterchange("IC1").with(aCusdec("4").withSegment("MOA+38:40:EUR")));

		var message = read.messages().getFirst();
		assertThat(message.readable()).as("%s", message.errors()).isTrue();
		assertThat(message.declaration().problems()).extracting(p -> p.field() + " " + p.code())
			.containsExactly("UNH+4/MOA 26/C516.5004 INTERCHANGE_VALUE_REPEATED");
		assertThat(message.declaration().fields()).containsEntry("items[1].value", "4000");
	}

	@Test
	void freightOrInsuranceOfOneGoodsItemIsRefusedNeverLeftOutOfTheValue() {
		// MOA+67 in a goods item: the declared insurance fell back to the deemed 3‰ of the whole, without a word.
		var read = read(anInterchange("IC1").with(aCusdec("6").withSegment("MOA+67:12")));

		var message = read.messages().getFirst();
		assertThat(message.readable()).as("%s", message.errors()).isTrue();
		assertThat(message.declaration().problems())
			.extracting(p -> p.field() + " " + p.code() + " " + Arrays.toString(p.arguments()))
			.containsExactly("UNH+6/MOA 26/C516.5025 INTERCHANGE_CHARGE_NOT_TAKEN [67]");
		assertThat(message.declaration().fields()).doesNotContainKeys("insurance", "freight");
	}

	/**
	 * BGM 1225 was never read: a broker's software cancelling (1) or replacing (5) a declaration sent a message the
	 * platform took for a new original one, and stored a second declaration of the same goods.
	 */
	@Test
	void anotherFunctionIsRefusedNeverTakenForANewDeclaration() {
		for (String function : List.of("3", "4", "6", "31", "43")) {
			var read = read(anInterchange("IC1").with(aCusdec("9").function(function)));

			var message = read.messages().getFirst();
			assertThat(message.readable()).as("%s", message.errors()).isTrue();
			assertThat(message.declaration().problems())
				.extracting(p -> p.field() + " " + p.code() + " " + Arrays.toString(p.arguments())).as(function)
				.containsExactly("UNH+9/BGM 2/1225 INTERCHANGE_FUNCTION_NOT_SUPPORTED [" + function + "]");
		}
		assertThat(read(anInterchange("IC1").with(aCusdec("9"))).messages().getFirst().declaration().problems())
			.as("an original (9)").isEmpty();
	}

	@Test
	void aCancellationIsReadAsTheNumberItNamesAndItsReasonNotAsTheGoodsItRepeats() {
		var read = read(anInterchange("IC1").with(aCusdec("4").cancelling("XM2026120300000001", "Sent twice")));

		var message = read.messages().getFirst();
		assertThat(message.readable()).as("%s", message.errors()).isTrue();
		assertThat(message.cancellation()).isTrue();
		assertThat(read.readable()).isEmpty();
		assertThat(read.requests()).hasSize(1);
		CusdecCancellation cancellation = CusdecCancellation.of(message.declaration()).orElseThrow();
		assertThat(cancellation.number()).isEqualTo("XM2026120300000001");
		assertThat(cancellation.reason()).isEqualTo("Sent twice");
		assertThat(cancellation.problems()).isEmpty();
		assertThat(cancellation.source("number")).startsWith("UNH+4/RFF ");
		assertThat(cancellation.source("reason")).startsWith("UNH+4/FTX ");
		assertThat(message.declaration().fields()).doesNotContainKeys("flow", "port", "items[0].hsCode",
				"items[0].description", "items[1].description");

		// A reason is the header's: an FTX+ACD among the goods the message repeats is none.
		var inGoods = CusdecCancellation.of(read(anInterchange("IC1").with(aCusdec("7")
			.cancelling("XM2026120300000001", null).after("CST+1+", "FTX+ACD+++not the reason")))
			.messages().getFirst().declaration()).orElseThrow();
		assertThat(inGoods.reason()).isNull();

		var unnamed = CusdecCancellation.of(read(anInterchange("IC1").with(aCusdec("5").cancelling(null, "Sent twice")))
			.messages().getFirst().declaration()).orElseThrow();
		assertThat(unnamed.problems()).extracting(p -> p.field() + " " + p.code())
			.containsExactly("UNH+5/BGM 2/1225 DECLARATION_NUMBER_REQUIRED");
		assertThat(CusdecCancellation.of(read(anInterchange("IC1").with(aCusdec("6"))).messages().getFirst()
			.declaration())).as("an original").isEmpty();
	}

	@Test
	void aReplacementIsReadAsADeclarationWithTheNumberAndVersionOfTheOneItReplaces() {
		var read = read(anInterchange("IC1").with(aCusdec("3").function("5").withHeader("RFF+ABT:XM2026120300000001")
			.withHeader("RFF+ZVN:4")));

		var message = read.messages().getFirst();
		assertThat(message.readable()).as("%s", message.errors()).isTrue();
		assertThat(message.replacement()).isTrue();
		assertThat(message.cancellation()).isFalse();
		assertThat(read.readable()).isEmpty();
		assertThat(read.requests()).hasSize(1);
		assertThat(message.declaration().problems()).isEmpty();
		assertThat(message.declaration().fields()).containsEntry("number", "XM2026120300000001")
			.containsEntry("version", "4").containsEntry("items[1].hsCode", "8471300000").containsEntry("flow", "IMPORT")
			.containsEntry("items[0].description", "processors");
		// In an original, RFF is read by the schema and not mapped.
		assertThat(read(anInterchange("IC1").with(aCusdec("2").withHeader("RFF+ABT:XM2026120300000001"))).messages()
			.getFirst().declaration().fields()).doesNotContainKeys("number", "function");
	}

	@Test
	void aReplacementsReasonIsReadForTheApplicationForACorrectionItMayBe() {
		var declaration = read(anInterchange("IC1").with(aCusdec("4").function("5")
			.withHeader("FTX+ACD+++Seller?'s credit note:CN-7").withHeader("RFF+ABT:XM2026120300000001")))
			.messages().getFirst().declaration();

		assertThat(declaration.problems()).isEmpty();
		assertThat(declaration.fields()).containsEntry("reason", "Seller's credit note CN-7");
		assertThat(declaration.sources().get("reason")).startsWith("UNH+4/FTX ");
		// An original's reason is not read: it declares, it applies for nothing.
		assertThat(read(anInterchange("IC1").with(aCusdec("2").withHeader("FTX+ACD+++Sent twice"))).messages()
			.getFirst().declaration().fields()).doesNotContainKey("reason");
	}

	@Test
	void aStatisticalQuantityKeepsItsUnit() {
		var read = read(anInterchange("IC1").with(aCusdec("8").withSegment("QTY+ZSQ:0.31:TNE")));

		var declaration = read.messages().getFirst().declaration();
		assertThat(declaration.problems()).isEmpty();
		assertThat(declaration.fields()).containsEntry("items[1].statisticalQuantity", "0.31")
			.containsEntry("items[1].statisticalUnit", "TNE");
		assertThat(declaration.sources()).containsEntry("items[1].statisticalUnit", "UNH+8/QTY 26/C186.6411");
	}

	@Test
	void aQuotaPriorAllocationCertificateIsTheLinesTariffQuotaCertificate() {
		// DOC C002/1001 966 (UNCL 1001 "quota prior allocation certificate"): the line's 关税配额证
		var read = read(anInterchange("IC1").with(aCusdec("8").withSegment("DOC+966+TQ-2026-000017")));

		var declaration = read.messages().getFirst().declaration();
		assertThat(declaration.problems()).isEmpty();
		assertThat(declaration.fields()).containsEntry("items[1].tariffQuotaCertificate", "TQ-2026-000017")
			.doesNotContainKey("items[1].permitNumber");
	}

	@Test
	void aFreeTextOfThePlatformsQualifierZprIsTheLinesProducer() {
		// FTX 4451 ZPR (platform): the goods' producer, whose own rate an anti-dumping notice may set (贸易救济)
		var read = read(anInterchange("IC1").with(aCusdec("9").after("FTX+AAA+++laptops",
				"FTX+ZPR+++Kedah Silicon:Sdn Bhd")));

		var declaration = read.messages().getFirst().declaration();
		assertThat(declaration.problems()).isEmpty();
		assertThat(declaration.fields()).containsEntry("items[1].producer", "Kedah Silicon Sdn Bhd")
			.containsEntry("items[1].description", "laptops").doesNotContainKey("items[0].producer");
	}

	@Test
	void aDescriptionLongerThanOneFtxGoesOnInTheNext() {
		var read = read(anInterchange("IC1").with(aCusdec("5").after("FTX+AAA+++processors",
				"FTX+AAA+++for servers:of the chip maker")));

		var declaration = read.messages().getFirst().declaration();
		assertThat(declaration.problems()).isEmpty();
		assertThat(declaration.fields()).containsEntry("items[0].description",
				"processors for servers of the chip maker");
		assertThat(declaration.sources()).containsEntry("items[0].description", "UNH+5/FTX 17/C108.4440");
	}

	@Test
	void aTruncatedInterchangeIsRefusedAsMissingItsTrailer() {
		String text = anInterchange("IC1").with(aCusdec("1")).text();

		var read = reader.read(new ByteArrayInputStream(text.substring(0, text.length() / 2)
			.getBytes(StandardCharsets.UTF_8)));

		assertThat(read.refusal()).isEqualTo(SyntaxError.segment("UNZ", 0, SyntaxError.MISSING));
		assertThat(read.messages()).isEmpty();
	}

	@Test
	void aWrongMessageCountInUnzRefusesTheInterchange() {
		var read = read(anInterchange("IC1").with(aCusdec("1")).counting(3));

		assertThat(read.refusal().code()).isEqualTo(SyntaxError.COUNT_DOES_NOT_MATCH);
		assertThat(read.refusal().segmentTag()).isEqualTo("UNZ");
	}

	@Test
	void aWrongSegmentCountInUntRefusesThatMessageOnly() {
		var read = read(anInterchange("IC1").with(aCusdec("1").counting(5), aCusdec("2")));

		assertThat(read.refusal()).isNull();
		assertThat(read.messages().get(0).errors()).containsExactly(
				new SyntaxError("UNT", 28, 1, 0, SyntaxError.COUNT_DOES_NOT_MATCH));
		assertThat(read.messages().get(1).readable()).isTrue();
	}

	@Test
	void aMessageHeaderWhereTheMessageGoesOnIsNotSupportedThere() {
		// The first message's UNT lost: the second UNH comes where the first message's segments go on, and UNZ
		// counts the one message there is.
		String text = anInterchange("IC1").with(aCusdec("1"), aCusdec("2")).counting(1).text()
			.replace("UNT+28+1'", "");

		var read = reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

		assertThat(read.refusal()).isNull();
		assertThat(read.messages()).hasSize(1);
		assertThat(read.messages().getFirst().readable()).isFalse();
		assertThat(read.messages().getFirst().errors())
			.contains(new SyntaxError("UNH", 28, 0, 0, SyntaxError.SEGMENT_NOT_SUPPORTED));
	}

	@Test
	void anUnknownSegmentIsNotSupportedInItsPosition() {
		var read = read(anInterchange("IC1").with(aCusdec("1").withSegment("XYZ+1")));

		assertThat(read.messages().getFirst().errors())
			.contains(SyntaxError.segment("XYZ", 26, SyntaxError.SEGMENT_NOT_SUPPORTED));
		assertThat(read.messages().getFirst().readable()).isFalse();
	}

	@Test
	void anotherDirectoryOrMessageTypeIsRefusedPrecisely() {
		var read = read(anInterchange("IC1").with(aCusdec("1").directory("D:01B")));

		assertThat(read.messages().getFirst().refusal())
			.isEqualTo(new SyntaxError("UNH", 1, 2, 3, SyntaxError.VALUE_NOT_SUPPORTED));
	}

	@Test
	void charactersOutsideTheDeclaredSetAreRefused() {
		// Level A has no lower case: the goods descriptions are refused, the message with them.
		var lowerCase = read(anInterchange("IC1").syntax("UNOA:4").with(aCusdec("1")));
		assertThat(lowerCase.messages().getFirst().errors())
			.contains(new SyntaxError("FTX", 17, 4, 1, SyntaxError.INVALID_CHARACTER));
		// Bytes that are not ASCII at all cannot be decoded: the interchange is refused where they are.
		var chinese = read(anInterchange("IC1").syntax("UNOA:4").with(aCusdec("1").consignee("厦门")));
		assertThat(chinese.refusal().code()).isEqualTo(SyntaxError.INVALID_CHARACTER);
		assertThat(chinese.refusal().segmentTag()).isEqualTo("NAD");

		byte[] utf8 = anInterchange("IC1").with(aCusdec("1").consignee("厦门")).text().getBytes(StandardCharsets.UTF_8);
		byte[] broken = new String(utf8, StandardCharsets.ISO_8859_1).replace(
				new String("厦".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), "\u00ff\u00fe")
			.getBytes(StandardCharsets.ISO_8859_1);
		var unow = reader.read(new ByteArrayInputStream(broken));
		assertThat(unow.refusal().code()).isEqualTo(SyntaxError.INVALID_CHARACTER);
		assertThat(unow.refusal().segmentTag()).isEqualTo("NAD");
	}

	@Test
	void anUnsupportedSyntaxVersionOrLevelIsRefused() {
		assertThat(read(anInterchange("IC1").syntax("UNOW:2").with(aCusdec("1"))).refusal())
			.isEqualTo(new SyntaxError("UNB", 0, 1, 2, SyntaxError.NOT_SUPPORTED));
		assertThat(read(anInterchange("IC1").syntax("UNOD:4").with(aCusdec("1"))).refusal())
			.isEqualTo(new SyntaxError("UNB", 0, 1, 1, SyntaxError.NOT_SUPPORTED));
	}

	@Test
	void fiftyMegabytesOfGarbageAreRefusedAfterTheirFirstBytesWithoutBeingHeld() {
		long[] served = { 0 };
		InputStream garbage = new InputStream() {
			@Override
			public int read() {
				served[0]++;
				return served[0] > 50L * 1024 * 1024 ? -1 : 'x';
			}

			@Override
			public int read(byte[] b, int off, int len) {
				int n = (int) Math.min(len, 50L * 1024 * 1024 - served[0]);
				if (n <= 0) {
					return -1;
				}
				Arrays.fill(b, off, off + n, (byte) 'x');
				served[0] += n;
				return n;
			}
		};

		assertThatThrownBy(() -> reader.read(garbage)).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("INTERCHANGE_NOT_EDIFACT"));
		assertThat(served[0]).isLessThan(64 * 1024);
	}

	private static ReceivedInterchange read(CusdecFixtures.Interchange interchange) {
		return reader.read(new ByteArrayInputStream(interchange.text().getBytes(StandardCharsets.UTF_8)));
	}
}
