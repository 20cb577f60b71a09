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
	static final UnitCode TNE = UnitCode.of("TNE");
	static final UnitCode CARTONS = UnitCode.of("CT");

	@Test
	void aQuantityInTheLegalUnitOrOneThatConvertsIntoItNeedsNoStatisticalQuantity() {
		assertThat(LegalQuantity.check(PERFUME, new BigDecimal("120"), KGM, null, null).refusal()).isEmpty();
		assertThat(LegalQuantity.check(PERFUME, new BigDecimal("0.12"), TNE, null, null).refusal()).isEmpty();
		assertThat(LegalQuantity.check(PERFUME, new BigDecimal("0.12"), TNE, new BigDecimal("120.000"), null)
			.refusal()).as("given as well, and the same").isEmpty();
	}

	@Test
	void aQuantityInAnotherMeasureNeedsTheStatisticalQuantity() {
		var outcome = LegalQuantity.check(PERFUME, new BigDecimal("40"), CARTONS, null, null);

		assertThat(outcome.field()).isEqualTo("statisticalQuantity");
		assertThat(outcome.code()).isEqualTo("STATISTICAL_QUANTITY_REQUIRED");
		assertThat(outcome.arguments()).containsExactly("KGM", "CT");
		var given = LegalQuantity.check(PERFUME, new BigDecimal("40"), CARTONS, new BigDecimal("310"), null);
		assertThat(given.refusal()).isEmpty();
		assertThat(given.statisticalQuantity()).isEqualByComparingTo("310");
	}

	@Test
	void aStatisticalQuantityInAnotherUnitOfTheMeasureIsKeptInTheLegalUnit() {
		// 0.31 t was kept as 0.31 kg: a thousandth of the weight, for statistics and for a quota alike.
		var tonnes = LegalQuantity.check(PERFUME, new BigDecimal("40"), CARTONS, new BigDecimal("0.31"), TNE);
		var grams = LegalQuantity.check(PERFUME, new BigDecimal("40"), CARTONS, new BigDecimal("0.5"),
				UnitCode.of("GRM"));
		var litres = LegalQuantity.check(PERFUME, new BigDecimal("40"), CARTONS, new BigDecimal("300"),
				UnitCode.of("LTR"));

		assertThat(tonnes.refusal()).isEmpty();
		assertThat(tonnes.statisticalQuantity()).isEqualByComparingTo("310");
		assertThat(grams.statisticalQuantity()).as("rounded up to the thousandth stored").isEqualByComparingTo("0.001");
		assertThat(litres.field()).isEqualTo("statisticalUnit");
		assertThat(litres.code()).isEqualTo("STATISTICAL_UNIT_NOT_LEGAL");
		assertThat(litres.arguments()).containsExactly("LTR", "KGM");
	}

	@Test
	void aStatisticalQuantityThatContradictsTheDeclaredQuantityIsRefused() {
		var outcome = LegalQuantity.check(PERFUME, new BigDecimal("0.12"), TNE, new BigDecimal("12"), null);

		assertThat(outcome.code()).isEqualTo("STATISTICAL_QUANTITY_DIFFERS");
		assertThat(outcome.arguments()).containsExactly("12", "KGM", "120.00", "0.12", "TNE");
	}

	@Test
	void aLineWhoseLegalUnitIsNotKnownIsNotChecked() {
		assertThat(LegalQuantity.check(line("3303000000", null), new BigDecimal("40"), CARTONS, null, null).refusal())
			.isEmpty();
		assertThat(LegalQuantity.check(null, new BigDecimal("40"), CARTONS, null, null).refusal()).isEmpty();
	}

	private static TariffLine line(String code, String legalUnit) {
		return new TariffLine(HsCode.of(code), "香水", "Perfume", new BigDecimal("0.03"), Map.of(), null,
				new BigDecimal("0.13"), Set.of(), Set.of(), true, legalUnit == null ? null : UnitCode.of(legalUnit),
				null);
	}
}
