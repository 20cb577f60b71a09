package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.tariff.Assessment;

/** Worked examples, computed by hand in the comments. */
class DutyComputationUnitTests {

	static BigDecimal d(String v) {
		return new BigDecimal(v);
	}

	@Test
	void wineBearsDutyExciseAndVat() {
		// customs value 10,000.00 CNY
		// duty   = 10,000.00 × 14 % = 1,400.00
		// excise = (10,000.00 + 1,400.00) ÷ (1 − 10 %) × 10 % = 12,666.666… × 0.10 = 1,266.67
		// VAT    = (10,000.00 + 1,400.00 + 1,266.67) × 13 % = 12,666.67 × 0.13 = 1,646.6671 → 1,646.67
		Assessment.Line line = DutyComputation.line(1, TradeFlow.IMPORT, d("10000.00"), "CNY", BigDecimal.ONE, "MFN",
				d("0.14"), d("0.10"), d("0.13"), List.of());
		assertThat(line.customsValueCny()).isEqualByComparingTo("10000.00");
		assertThat(line.duty()).isEqualByComparingTo("1400.00");
		assertThat(line.excise()).isEqualByComparingTo("1266.67");
		assertThat(line.vat()).isEqualByComparingTo("1646.67");
		assertThat(line.steps()).contains("excise = (10,000.00 + 1,400.00) ÷ (1 − 10%) × 10% = 1,266.67");
	}

	@Test
	void roastedCoffeeInUsdIsConvertedAtTheMonthsRateThenRoundedToTheFen() {
		// customs value = 1,234.56 USD × 7.1 = 8,765.376 → 8,765.38 CNY
		// duty = 8,765.38 × 15 % = 1,314.807 → 1,314.81
		// VAT  = (8,765.38 + 1,314.81 + 0) × 13 % = 10,080.19 × 0.13 = 1,310.4247 → 1,310.42
		Assessment.Line line = DutyComputation.line(1, TradeFlow.IMPORT, d("1234.56"), "USD", d("7.1"), "MFN", d("0.15"),
				null, d("0.13"), List.of());
		assertThat(line.customsValueCny()).isEqualByComparingTo("8765.38");
		assertThat(line.duty()).isEqualByComparingTo("1314.81");
		assertThat(line.excise()).isEqualByComparingTo("0.00");
		assertThat(line.vat()).isEqualByComparingTo("1310.42");
	}

	@Test
	void perfumeExciseAtFifteenPercent() {
		// value 20,000.00; duty 3 % = 600.00; excise = 20,600.00 ÷ 0.85 × 0.15 = 3,635.294… → 3,635.29
		// VAT = (20,000.00 + 600.00 + 3,635.29) × 13 % = 24,235.29 × 0.13 = 3,150.5877 → 3,150.59
		Assessment.Line line = DutyComputation.line(1, TradeFlow.IMPORT, d("20000.00"), "CNY", BigDecimal.ONE, "MFN",
				d("0.03"), d("0.15"), d("0.13"), List.of());
		assertThat(line.duty()).isEqualByComparingTo("600.00");
		assertThat(line.excise()).isEqualByComparingTo("3635.29");
		assertThat(line.vat()).isEqualByComparingTo("3150.59");
	}

	@Test
	void exportsAreValuedButBearNoImportTaxes() {
		Assessment.Line line = DutyComputation.line(1, TradeFlow.EXPORT, d("5000.00"), "USD", d("7.1"), "MFN", d("0"),
				null, d("0.13"), List.of());
		assertThat(line.customsValueCny()).isEqualByComparingTo("35500.00");
		assertThat(line.duty()).isEqualByComparingTo("0");
		assertThat(line.vat()).isEqualByComparingTo("0");
	}

	@Test
	void anFobImportAddsFreightAndDeemedInsuranceAllocatedByValue() {
		// FOB 6,000.00 + 4,000.00 = 10,000.00; freight 500.00; insurance deemed 0.3 % × 10,500.00 = 31.50
		// extra 531.50 → line 1: 531.50 × 6,000 / 10,000 = 318.90; line 2 takes the rest: 212.60
		var basis = CustomsValuation.basis(TradeFlow.IMPORT, "FOB", d("500.00"), null, List.of(d("6000.00"), d("4000.00")));
		assertThat(basis.values()).containsExactly(d("6318.90"), d("4212.60"));
		assertThat(basis.notes().getFirst()).contains("deemed 0.3 %");
	}

	@Test
	void aCifExportSubtractsFreightAndInsurance() {
		var basis = CustomsValuation.basis(TradeFlow.EXPORT, "CIF", d("300.00"), d("20.00"), List.of(d("10000.00")));
		assertThat(basis.values()).containsExactly(d("9680.00"));
	}

	@Test
	void anFobImportWithoutFreightIsRefused() {
		assertThatThrownBy(() -> CustomsValuation.basis(TradeFlow.IMPORT, "FOB", null, null, List.of(d("1"))))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).fieldProblems().getFirst().field()).isEqualTo("freight"));
	}

	@Test
	void anUnknownIncotermIsRefused() {
		assertThatThrownBy(() -> CustomsValuation.basis(TradeFlow.IMPORT, "XYZ", null, null, List.of(d("1"))))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).fieldProblems().getFirst().code()).isEqualTo("INCOTERM_UNKNOWN"));
	}
}
