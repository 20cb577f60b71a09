package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.TariffLine;

/**
 * Duties and excise levied per unit of quantity (从量税; with an ad valorem rate, 复合税 and 复合计征): worked examples
 * computed by hand in the comments, in CNY on CIF terms so that the customs value is the declared value.
 */
class SpecificDutyUnitTests {

	static final String CHICKEN_WINGS = "0207142200";
	static final String VIDEO_RECORDERS = "8521901100";
	static final String BEER = "2203000000";
	static final String LIQUOR = "2208901000";

	final DutyAssessmentUnitTests tariff = new DutyAssessmentUnitTests();

	SpecificDutyUnitTests() {
		// duty 1.3 CNY a kilogram and no ad valorem duty; ACFTA 5 % ad valorem
		line(CHICKEN_WINGS, "0", "1.3", null, null, "0.09", "KGM", Map.of("ACFTA", "0.05"));
		// compound duty: 3 % and 200 CNY a set
		line(VIDEO_RECORDERS, "0.03", "200", null, null, "0.13", "C62", Map.of());
		// no duty, excise 0.253 CNY a litre
		line(BEER, "0", null, null, "0.253", "0.13", "LTR", Map.of());
		// duty 10 %, compound excise: 20 % and 1 CNY a kilogram
		line(LIQUOR, "0.10", null, "0.20", "1", "0.13", "KGM", Map.of());
	}

	void line(String code, String mfn, String mfnPerUnit, String excise, String excisePerUnit, String vat, String unit,
			Map<String, String> prefs) {
		Map<String, BigDecimal> p = new java.util.HashMap<>();
		prefs.forEach((k, v) -> p.put(k, new BigDecimal(v)));
		tariff.schedule.put(code, new TariffLine(HsCode.of(code), "zh", "en", new BigDecimal(mfn), p,
				excise == null ? null : new BigDecimal(excise), new BigDecimal(vat), Set.of(), Set.of(), true,
				new UnitCode(unit), null, mfnPerUnit == null ? null : new BigDecimal(mfnPerUnit),
				excisePerUnit == null ? null : new BigDecimal(excisePerUnit)));
	}

	static AssessmentRequest.Item item(String hs, String value, String quantity, String origin, String agreement) {
		return new AssessmentRequest.Item(1, HsCode.of(hs), new BigDecimal(value), CountryCode.of(origin), agreement,
				quantity == null ? null : new BigDecimal(quantity));
	}

	Assessment imported(AssessmentRequest.Item item) {
		return tariff.assessor.assess(DutyAssessmentUnitTests.request(TradeFlow.IMPORT, "CIF", "CNY", null, null, item));
	}

	@Test
	void frozenChickenWingsPayTheirDutyByTheKilogramWhateverTheyCost() {
		// duty 10,000 KGM × 1.3 = 13,000.00, the value does not enter it; VAT 9 % of (20,000.00 + 13,000.00) = 2,970.00
		Assessment.Line wings = imported(item(CHICKEN_WINGS, "20000", "10000", "BR", null)).lines().get(0);
		Assessment.Line dearer = imported(item(CHICKEN_WINGS, "40000", "10000", "BR", null)).lines().get(0);

		assertThat(wings.duty()).isEqualByComparingTo("13000.00");
		assertThat(wings.vat()).isEqualByComparingTo("2970.00");
		assertThat(dearer.duty()).isEqualByComparingTo("13000.00");
		assertThat(wings.steps()).contains("duty = 10000 KGM × 1.3 CNY/KGM = 13,000.00",
				"VAT = (20,000.00 + 13,000.00 + 0.00) × 9% = 2,970.00");
		assertThat(wings.perUnit()).isEqualTo(new Assessment.PerUnit(new BigDecimal("1.3"), null,
				new BigDecimal("10000.000"), "KGM"));
	}

	@Test
	void aCompoundDutyAddsTheAdValoremAndTheSpecificParts() {
		// 10,000.00 × 3 % = 300.00, 10 C62 × 200 = 2,000.00, duty 2,300.00; VAT 13 % of 12,300.00 = 1,599.00
		Assessment.Line recorders = imported(item(VIDEO_RECORDERS, "10000", "10", "JP", null)).lines().get(0);

		assertThat(recorders.duty()).isEqualByComparingTo("2300.00");
		assertThat(recorders.vat()).isEqualByComparingTo("1599.00");
		assertThat(recorders.steps())
			.contains("duty = 10,000.00 × 3% + 10 C62 × 200 CNY/C62 = 300.00 + 2,000.00 = 2,300.00");
	}

	@Test
	void beerPaysItsExciseByTheLitreAndVatOnIt() {
		// excise 2,000 LTR × 0.253 = 506.00; VAT 13 % of (5,000.00 + 0.00 + 506.00) = 715.78
		Assessment beer = imported(item(BEER, "5000", "2000", "DE", null));
		Assessment.Line l = beer.lines().get(0);

		assertThat(l.excise()).isEqualByComparingTo("506.00");
		assertThat(l.vat()).isEqualByComparingTo("715.78");
		assertThat(beer.totalTaxes()).isEqualByComparingTo("1221.78");
		assertThat(l.steps()).contains("excise = 2000 LTR × 0.253 CNY/LTR = 506.00");
	}

	@Test
	void aCompoundExciseCountsItsSpecificPartInTheBasisOfItsAdValoremPart() {
		// duty 10 % of 10,000.00 = 1,000.00; specific excise 1,000 KGM × 1 = 1,000.00;
		// ad valorem excise (10,000.00 + 1,000.00 + 1,000.00) ÷ (1 − 20 %) × 20 % = 3,000.00; excise 4,000.00
		// (without the specific part in its basis it would be 2,750.00 + 1,000.00 = 3,750.00);
		// VAT 13 % of (10,000.00 + 1,000.00 + 4,000.00) = 1,950.00
		Assessment.Line liquor = imported(item(LIQUOR, "10000", "1000", "FR", null)).lines().get(0);

		assertThat(liquor.duty()).isEqualByComparingTo("1000.00");
		assertThat(liquor.excise()).isEqualByComparingTo("4000.00");
		assertThat(liquor.vat()).isEqualByComparingTo("1950.00");
		assertThat(liquor.steps()).contains(
				"excise = (10,000.00 + 1,000.00 + 1,000.00) ÷ (1 − 20%) × 20% + 1000 KGM × 1 CNY/KGM = 3,000.00 + 1,000.00 = 4,000.00");
	}

	@Test
	void aPreferenceOnALineLeviedPerUnitIsGivenWhenItsDutyIsLowerAsAnAmount() {
		// ACFTA 5 % of 20,000.00 = 1,000.00 against MFN 13,000.00: the preference, and nothing a kilogram
		Assessment.Line cheap = imported(item(CHICKEN_WINGS, "20000", "10000", "VN", "ACFTA")).lines().get(0);
		// ACFTA 5 % of 300,000.00 = 15,000.00 against MFN 13,000.00: MFN
		Assessment.Line dear = imported(item(CHICKEN_WINGS, "300000", "10000", "VN", "ACFTA")).lines().get(0);

		assertThat(cheap.rateBasis()).isEqualTo("PREF:ACFTA");
		assertThat(cheap.duty()).isEqualByComparingTo("1000.00");
		assertThat(cheap.perUnit()).isNull();
		assertThat(dear.rateBasis()).isEqualTo("MFN");
		assertThat(dear.duty()).isEqualByComparingTo("13000.00");
		assertThat(dear.steps()).contains("ACFTA duty 15,000.00 (5%) is not below the MFN duty → MFN 1.3 CNY/KGM");
	}

	@Test
	void aLineLeviedPerUnitNeedsItsQuantityOnImportButNotOnExport() {
		assertThatThrownBy(() -> imported(item(CHICKEN_WINGS, "20000", null, "BR", null)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code() + ":" + List.of(f.arguments()))
				.containsExactly("items[0].quantity:QUANTITY_REQUIRED:[0207142200, KGM]"));
		assertThatThrownBy(() -> imported(item(CHICKEN_WINGS, "20000", "-1", "BR", null)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code()).containsExactly("items[0].quantity:QUANTITY_NEGATIVE"));

		Assessment exported = tariff.assessor.assess(DutyAssessmentUnitTests.request(TradeFlow.EXPORT, "FOB", "CNY",
				null, null, item(CHICKEN_WINGS, "20000", null, "CN", null)));
		assertThat(exported.totalTaxes()).isEqualByComparingTo("0");
		assertThat(exported.lines().get(0).perUnit()).isNull();
	}

	@Test
	void aSpecificDutyOfFiftyYuanOrLessIsNotCollected() {
		// 20 KGM × 1.3 = 26.00: waived; VAT 9 % of 300.00 = 27.00: waived too
		Assessment sample = imported(item(CHICKEN_WINGS, "300", "20", "BR", null));

		assertThat(sample.totalTaxes()).isEqualByComparingTo("0");
		assertThat(sample.waived().duty()).isEqualByComparingTo("26.00");
	}

	@Test
	void aCorrectedValueIsAssessedAtTheAmountsPerUnitFirstAppliedOnTheQuantityThenAssessed() {
		Assessment first = imported(item(CHICKEN_WINGS, "20000", "10000", "BR", null));
		// the tariff changes after the clearance: 2 CNY a kilogram
		line(CHICKEN_WINGS, "0", "2", null, null, "0.09", "KGM", Map.of());

		// duty still 10,000 KGM × 1.3 = 13,000.00; VAT 9 % of (30,000.00 + 13,000.00) = 3,870.00
		Assessment corrected = tariff.assessor.reassess(DutyAssessmentUnitTests.request(TradeFlow.IMPORT, "CIF", "CNY",
				null, null, item(CHICKEN_WINGS, "30000", null, "BR", null)), first.exchangeRate(),
				first.lines().stream().map(Assessment.Line::rates).toList());
		Assessment.Line l = corrected.lines().get(0);

		assertThat(l.duty()).isEqualByComparingTo("13000.00");
		assertThat(l.vat()).isEqualByComparingTo("3870.00");
		assertThat(l.perUnit()).isEqualTo(first.lines().get(0).perUnit());
		assertThat(l.steps()).contains("rates as first assessed: MFN duty 0% + 1.3 CNY/KGM, VAT 9%, on 10000 KGM");
	}
}
