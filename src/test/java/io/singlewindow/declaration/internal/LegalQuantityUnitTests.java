package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.tariff.TariffLine;

/** The quantity customs counts a line in — its tariff line's legal unit — from what the trader declared. */
class LegalQuantityUnitTests {

	static final TariffLine PERFUME = line("3303000000", "KGM");
	static final UnitCode KGM = UnitCode.of("KGM");
	static final UnitCode CARTONS = UnitCode.of("CT");

	@Test
	void aQuantityInTheLegalUnitOrOneThatConvertsIntoItNeedsNoStatisticalQuantity() {
		assertThat(LegalQuantity.check(PERFUME, new BigDecimal("120"), KGM, null)).isEmpty();
		assertThat(LegalQuantity.check(PERFUME, new BigDecimal("0.12"), UnitCode.of("TNE"), null)).isEmpty();
		assertThat(LegalQuantity.check(PERFUME, new BigDecimal("0.12"), UnitCode.of("TNE"), new BigDecimal("120.000")))
			.as("given as well, and the same").isEmpty();
	}

	@Test
	void aQuantityInAnotherMeasureNeedsTheStatisticalQuantity() {
		var refusal = LegalQuantity.check(PERFUME, new BigDecimal("40"), CARTONS, null).orElseThrow();

		assertThat(refusal.code()).isEqualTo("STATISTICAL_QUANTITY_REQUIRED");
		assertThat(refusal.arguments()).containsExactly("KGM", "CT");
		assertThat(LegalQuantity.check(PERFUME, new BigDecimal("40"), CARTONS, new BigDecimal("310"))).isEmpty();
	}

	@Test
	void aStatisticalQuantityThatContradictsTheDeclaredQuantityIsRefused() {
		var refusal = LegalQuantity.check(PERFUME, new BigDecimal("0.12"), UnitCode.of("TNE"), new BigDecimal("12"))
			.orElseThrow();

		assertThat(refusal.code()).isEqualTo("STATISTICAL_QUANTITY_DIFFERS");
		assertThat(refusal.arguments()).containsExactly("12", "KGM", "120.00", "0.12", "TNE");
	}

	@Test
	void aLineWhoseLegalUnitIsNotKnownIsNotChecked() {
		assertThat(LegalQuantity.check(line("3303000000", null), new BigDecimal("40"), CARTONS, null)).isEmpty();
		assertThat(LegalQuantity.check(null, new BigDecimal("40"), CARTONS, null)).isEmpty();
	}

	private static TariffLine line(String code, String legalUnit) {
		return new TariffLine(HsCode.of(code), "香水", "Perfume", new BigDecimal("0.03"), Map.of(), null,
				new BigDecimal("0.13"), Set.of(), Set.of(), true, legalUnit == null ? null : UnitCode.of(legalUnit),
				null);
	}
}
