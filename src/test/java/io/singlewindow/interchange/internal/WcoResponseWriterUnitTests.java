package io.singlewindow.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.declaration.ConsolidatedResponse;

/**
 * The WCO DM Response of a submitted declaration, byte for byte against a golden file, and the function code each
 * consolidated status is answered with.
 */
class WcoResponseWriterUnitTests {

	static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

	static ConsolidatedResponse assessed(String status) {
		return new ConsolidatedResponse(UUID.fromString("0b9f3c1e-8a47-4c2d-9f00-5e6a7b8c9d01"), "XM2026110000042",
				"91350200MA2XYZ1234", "GOLDEN-WCO-1", status, 3, Instant.parse("2026-11-30T05:59:00Z"),
				new BigDecimal("58400.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("7592.00"),
				new BigDecimal("7592.00"));
	}

	@Test
	void anAssessedDeclarationIsAnsweredWithItsNumberVersionStatusAndDuties() throws Exception {
		byte[] written = WcoResponseWriter.accepted("GOLDEN-WCO-1", assessed("UNDER_REVIEW"), NOW);

		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(golden("/interchange/golden-response-accepted.xml"));
		WcoReadBack read = WcoReadBack.read(written);
		assertThat(read.one("Declaration/ID")).isEqualTo("XM2026110000042");
		assertThat(read.all("Declaration/DutyTaxFee/Payment/PaymentAmount")).containsExactly("0.00", "0.00", "7592.00");
	}

	@Test
	void eachConsolidatedStatusHasItsFunctionCode() {
		for (String[] status : new String[][] { { "UNDER_REVIEW", "01" }, { "QUERIED", "06" }, { "REJECTED", "10" },
				{ "WITHDRAWN", "10" }, { "CLEARED", "09" }, { "RELEASED", "08" } }) {
			WcoReadBack read = WcoReadBack.read(WcoResponseWriter.accepted("R", assessed(status[0]), NOW));
			assertThat(read.one("FunctionCode")).as(status[0]).isEqualTo(status[1]);
			assertThat(read.one("Status/NameCode")).isEqualTo(status[0]);
		}
	}

	@Test
	void beforeAssessmentThereAreNoDutiesAndControlCharactersOfAProblemTextAreNotWrittenAsXml() {
		var unassessed = new ConsolidatedResponse(UUID.randomUUID(), "XM1", "D", "R", "UNDER_REVIEW", 1, null, null,
				null, null, null, null);
		assertThat(WcoReadBack.read(WcoResponseWriter.accepted("R", unassessed, NOW)).all("Declaration/DutyTaxFee"))
			.isEmpty();

		WcoReadBack refused = WcoReadBack.read(WcoResponseWriter.refused("R",
				java.util.List.of(new EdifactAnswer.Refusal("HS_CODE_FORMAT", "Declaration/TypeCode", "bad \u0000 code")),
				NOW));
		assertThat(refused.one("Error/Description")).isEqualTo("bad   code");
		assertThat(refused.one("Error/Pointer/TagID")).isEqualTo("D013");
	}

	private static String golden(String name) throws Exception {
		try (InputStream in = WcoResponseWriterUnitTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
