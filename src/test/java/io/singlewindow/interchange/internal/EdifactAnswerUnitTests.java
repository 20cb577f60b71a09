package io.singlewindow.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import io.singlewindow.declaration.ConsolidatedResponse.Notice;

/**
 * The answer to a fixed interchange (src/test/resources/interchange/golden-cusdec.edi: an accepted declaration, a
 * message with a wrong segment count, a declaration refused for its HS code) is byte for byte the golden CONTRL and
 * CUSRES of golden-answer.edi, and StAEDI reads it back against the CONTRL and CUSRES schemas without an error.
 * Run with {@code -Dgolden.update=true} to write the golden file anew after a deliberate change, and read the diff.
 */
class EdifactAnswerUnitTests {

	static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

	static final Path GOLDEN = Path.of("src/test/resources/interchange/golden-answer.edi");

	@Test
	void theAnswerToTheFixedInterchangeIsTheGoldenContrlAndCusres() throws IOException {
		ReceivedInterchange read;
		try (InputStream in = getClass().getResourceAsStream("/interchange/golden-cusdec.edi")) {
			read = new CusdecReader(new EdifactSchemas()).read(in);
		}
		var messages = read.messages();
		assertThat(messages).extracting(ReceivedInterchange.Message::readable).containsExactly(true, false, true);

		var accepted = new ConsolidatedResponse(UUID.fromString("0b9d3c5e-1f2a-4b6c-8d7e-9f0a1b2c3d4e"),
				"XM2026113000000042", "91350200MA2XYZ1234", "GOLDEN-1", "CLEARED", 3, NOW, new BigDecimal("28000.00"),
				new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("3640.00"), new BigDecimal("3640.00"),
				List.of(), List.of());
		String hsSource = messages.get(2).declaration().sources().get("items[0].hsCode");
		byte[] answer = new EdifactAnswer(read.envelope(), read.envelope().controlReference(), NOW)
			.contrl(EdifactAnswer.ACKNOWLEDGED, null, List.of(messages.get(1)))
			.accepted(messages.get(0), accepted, false, NOW)
			.refused(messages.get(2), List.of(new EdifactAnswer.Refusal("HS_CODE_FORMAT", hsSource,
					"84713 is not a 10-digit commodity code.")), NOW)
			.bytes();

		if (Boolean.getBoolean("golden.update")) {
			Files.write(GOLDEN, answer);
		}
		assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo(Files.readString(GOLDEN));
		EdifactReadBack back = EdifactReadBack.read(answer);
		assertThat(back.errors).isEmpty();
		assertThat(back.all("UCM")).containsExactly("UCM+2+CUSDEC:D:99B:UN+4");
		assertThat(back.all("ERP")).containsExactly("ERP+1+CST:14");
	}

	@Test
	void aDeclarationsTradeRemedyDutiesAreAnsweredAsOtherTaxesBesideDutyExciseAndVat() throws Exception {
		ReceivedInterchange read;
		try (InputStream in = getClass().getResourceAsStream("/interchange/golden-cusdec.edi")) {
			read = new CusdecReader(new EdifactSchemas()).read(in);
		}
		var withRemedies = new ConsolidatedResponse(UUID.randomUUID(), "XM2026120600000007", "91350200MA2XYZ1234",
				"REMEDY-1", "UNDER_REVIEW", 1, NOW, new BigDecimal("21300.00"), new BigDecimal("0.00"),
				new BigDecimal("0.00"), new BigDecimal("3322.80"), new BigDecimal("7582.80"), List.of(), List.of(),
				new BigDecimal("4260.00"));

		EdifactReadBack back = EdifactReadBack.read(new EdifactAnswer(read.envelope(),
				read.envelope().controlReference(), NOW).accepted(read.messages().get(0), withRemedies, false, NOW)
			.bytes());

		assertThat(back.errors).isEmpty();
		assertThat(back.all("TAX")).containsExactly("TAX+5+CUD", "TAX+5+EXC", "TAX+5+VAT", "TAX+5+OTH");
		assertThat(back.all("MOA")).contains("MOA+124:4260.00:CNY");
	}

	@Test
	void whatTheSenderWroteInItsEnvelopeIsEchoedAsFarAsTheAnswerCanCarryIt() {
		// Control characters (why the interchange was refused), released delimiters, and more than UNB allows.
		var envelope = new ReceivedInterchange.Envelope(SyntaxIdentifier.UNOW, "UNOW", "4", "BROKER\u001aSOFT\u007f\u0085+1",
				"Z\nZ", "SINGLEWINDOW", null, "IC?+1:2'3*4" + "9".repeat(20));

		byte[] answer = new EdifactAnswer(envelope, envelope.controlReference(), NOW)
			.contrl(EdifactAnswer.REJECTED, new SyntaxError("UNB", 0, 2, 1, SyntaxError.INVALID_CHARACTER), List.of())
			.bytes();

		EdifactReadBack back = EdifactReadBack.read(answer);
		assertThat(back.errors).isEmpty();
		// Read back: the references as received (released on the way), the control characters as _.
		assertThat(back.all("UCI")).containsExactly("UCI+IC?+1:2'3*4999+BROKER_SOFT__+1:Z_Z+SINGLEWINDOW+4+21+UNB+2:1");
		assertThat(new String(answer, StandardCharsets.UTF_8)).contains("+IC__1_2_3_4999'\n", "UNZ+1+IC__1_2_3_4999'");
	}

	@Test
	void aMessageWhoseHeaderLacksItsIdentifierIsStillNamedInAReadableContrl() {
		var envelope = new ReceivedInterchange.Envelope(SyntaxIdentifier.UNOW, "UNOW", "4", "BROKERSOFT", "ZZZ",
				"SINGLEWINDOW", null, "IC1");
		var headless = new ReceivedInterchange.Message("", "", "", "", "", null,
				new SyntaxError("UNH", 1, 2, 1, SyntaxError.MISSING), List.of());

		byte[] answer = new EdifactAnswer(envelope, "IC1", NOW)
			.contrl(EdifactAnswer.ACKNOWLEDGED, null, List.of(headless)).bytes();

		EdifactReadBack back = EdifactReadBack.read(answer);
		assertThat(back.errors).isEmpty();
		assertThat(back.all("UCM")).containsExactly("UCM+UNKNOWN+CUSDEC:D:96B:UN+4+13+UNH+2:1");
	}

	@Test
	void aQueriedDeclarationsCusresCarriesEachAgencysQuestionAndTheFirstDayToAnswerBy() {
		var queried = new ConsolidatedResponse(UUID.randomUUID(), "XM2026120300000007", "91350200MA2XYZ1234", "Q-1",
				"QUERIED", 4, NOW, null, null, null, null, null,
				List.of(new Notice("CIQ", Notice.Kind.QUESTION, "Send the certificate of origin.",
						LocalDate.parse("2026-12-09")),
						new Notice("CUSTOMS", Notice.Kind.QUESTION, "发票金额与合同不符，请说明。", LocalDate.parse("2026-12-07"))),
				List.of());

		EdifactReadBack back = EdifactReadBack.read(EdifactAnswer.response(queried, "BROKERSOFT", NOW));

		assertThat(back.errors).isEmpty();
		assertThat(back.all("DTM")).containsExactly("DTM+137:202611300600:203", "DTM+265:20261207:102");
		assertThat(back.all("FTX")).containsExactly("FTX+ACB++CIQ+Send the certificate of origin.",
				"FTX+ACB++CUSTOMS+发票金额与合同不符，请说明。");
		assertThat(back.all("GIS")).containsExactly("GIS+ZST:::QUERIED");
	}

	@Test
	void aRejectionsReasonOfTheLongestAllowedLengthIsCarriedWholeAcrossTheComponentsOfItsText() {
		// 2,000 characters, the platform's longest reason (four components of 500), with a line break a person typed.
		String reason = "R".repeat(1000) + "\n" + "S".repeat(999);
		var rejected = new ConsolidatedResponse(UUID.randomUUID(), "XM2026120300000008", "91350200MA2XYZ1234", "Q-2",
				"REJECTED", 5, NOW, null, null, null, null, null,
				List.of(new Notice("CIQ", Notice.Kind.REJECTION, reason, null)), List.of());

		EdifactReadBack back = EdifactReadBack.read(EdifactAnswer.response(rejected, "BROKERSOFT", NOW));

		assertThat(back.errors).isEmpty();
		assertThat(back.all("DTM")).containsExactly("DTM+137:202611300600:203");
		String ftx = back.all("FTX").getFirst();
		assertThat(ftx).startsWith("FTX+ACD++CIQ+");
		assertThat(ftx.substring("FTX+ACD++CIQ+".length()).replace(":", "")).isEqualTo(reason.replace('\n', ' '));
		assertThat(ftx.split(":")).hasSize(4);
	}

	@Test
	void aRefusalsMessageLongerThanTheWriterHoldsIsCutRatherThanFailingTheAnswer() {
		// StAEDI's writer holds 500 characters of an element: a 510-character message overflowed it (a 500 for the
		// sender) before it was cut there; a character outside the BMP is not cut in half.
		var envelope = new ReceivedInterchange.Envelope(SyntaxIdentifier.UNOW, "UNOW", "4", "BROKERSOFT", null,
				"SINGLEWINDOW", null, "IC9");
		var message = new ReceivedInterchange.Message("M9", "CUSDEC", "D", "96B", "UN", null, null, List.of());
		String text = "x".repeat(499) + "😀" + "y".repeat(9);

		byte[] answer = new EdifactAnswer(envelope, "IC9", NOW)
			.refused(message, List.of(new EdifactAnswer.Refusal("DESCRIPTION_TOO_LONG", null, text)), NOW).bytes();

		EdifactReadBack back = EdifactReadBack.read(answer);
		assertThat(back.errors).isEmpty();
		assertThat(back.all("FTX")).containsExactly("FTX+AAO+++" + "x".repeat(499));
	}

	@Test
	void aTextIsCutIntoComponentsOfWhatTheWriterHoldsNeverHalfACharacter() {
		assertThat(EdifactAnswer.textParts("a".repeat(500))).containsExactly("a".repeat(500));
		assertThat(EdifactAnswer.textParts("a".repeat(501))).containsExactly("a".repeat(500), "a");
		assertThat(EdifactAnswer.textParts("a".repeat(499) + "😀b")).containsExactly("a".repeat(499), "😀b");
		assertThat(EdifactAnswer.textParts("a".repeat(2600))).hasSize(5).allSatisfy(part -> assertThat(part).hasSize(500));
		assertThat(EdifactAnswer.textParts("x\u0007y")).containsExactly("x y");
		assertThat(EdifactAnswer.truncated("a".repeat(500))).hasSize(500);
		assertThat(EdifactAnswer.truncated("a".repeat(501))).hasSize(500);
	}
}
