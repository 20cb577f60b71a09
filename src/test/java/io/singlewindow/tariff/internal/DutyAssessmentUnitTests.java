package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.TariffLine;

/** Worked examples, computed by hand in the comments, against the demo schedule's rates. */
class DutyAssessmentUnitTests {

	static final LocalDate MARCH = LocalDate.of(2026, 3, 15);

	final Map<String, TariffLine> schedule = new HashMap<>();
	final Map<String, BigDecimal> exportRates = new HashMap<>();
	final LineByLineDutyAssessor assessor = new LineByLineDutyAssessor(code -> Optional.ofNullable(schedule.get(code.value())),
			(currency, month) -> month.equals(YearMonth.of(2026, 3)) ? Optional.ofNullable(Map.of("USD",
					new BigDecimal("7.1"), "EUR", new BigDecimal("7.8"), "CNY", BigDecimal.ONE).get(currency.value()))
					: Optional.empty(),
			new TradeAgreements() {
				@Override
				public boolean isParty(String agreement, CountryCode country) {
					return Map.of("RCEP", Set.of("AU", "JP", "VN", "CN"), "ACFTA", Set.of("VN", "CN")).get(agreement)
							.contains(country.value());
				}

				@Override
				public boolean exists(String agreement) {
					return Set.of("RCEP", "ACFTA").contains(agreement);
				}
			}, code -> Optional.ofNullable(exportRates.get(code.value())));

	DutyAssessmentUnitTests() {
		line("0901110000", "0.08", null, "0.09", Map.of("RCEP", "0", "ACFTA", "0"));
		line("2204210000", "0.14", "0.10", "0.13", Map.of("RCEP", "0.05"));
		line("3303000000", "0.03", "0.15", "0.13", Map.of());
		line("8101940000", "0", null, "0.13", Map.of());
		line("8542319000", "0", null, "0.13", Map.of());
	}

	void line(String code, String mfn, String excise, String vat, Map<String, String> prefs) {
		Map<String, BigDecimal> p = new HashMap<>();
		prefs.forEach((k, v) -> p.put(k, new BigDecimal(v)));
		schedule.put(code, new TariffLine(HsCode.of(code), "zh", "en", new BigDecimal(mfn), p,
				excise == null ? null : new BigDecimal(excise), new BigDecimal(vat), Set.of(), Set.of(), true));
	}

	static AssessmentRequest.Item item(int no, String hs, String value, String origin, String agreement) {
		return new AssessmentRequest.Item(no, HsCode.of(hs), new BigDecimal(value), CountryCode.of(origin), agreement);
	}

	static AssessmentRequest request(TradeFlow flow, String incoterm, String currency, String freight,
			String insurance, AssessmentRequest.Item... items) {
		return new AssessmentRequest(flow, incoterm, CurrencyCode.of(currency),
				freight == null ? null : new BigDecimal(freight), insurance == null ? null : new BigDecimal(insurance),
				MARCH, List.of(items));
	}

	@Test
	void halfAFenIsRoundedUpNeverToTheEvenFen() {
		// Customs value: 100.15 USD × 7.1 = 711.065 → 711.07 (half-even would give 711.06)
		// VAT 13 % on processors (no duty): 500.50 CNY × 0.13 = 65.065 → 65.07 (half-even would give 65.06)
		Assessment converted = assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null,
				item(1, "8542319000", "100.15", "US", null)));
		Assessment.Line processors = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "8542319000", "500.50", "US", null))).lines().get(0);

		assertThat(converted.lines().get(0).customsValueCny()).isEqualByComparingTo("711.07");
		assertThat(processors.customsValueCny()).isEqualByComparingTo("500.50");
		assertThat(processors.duty()).isEqualByComparingTo("0.00");
		assertThat(processors.vat()).isEqualByComparingTo("65.07");
	}

	// A consignment's duty, excise or import VAT of 50 CNY or less is not collected (each tax on its own), and the
	// taxes computed after it are on what is collected of it.

	@Test
	void aConsignmentsDutyOfFiftyYuanOrLessIsNotCollectedAndItsVatIsOnTheValueAlone() {
		// coffee 600.00 CNY CIF: duty 8 % = 48.00, 50 or less: not collected
		// VAT 9 % of (600.00 + 0.00 + 0.00) = 54.00 (on 648.00 it would have been 58.32)
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "0901110000", "600", "BR", null)));
		Assessment.Line l = a.lines().get(0);

		assertThat(l.duty()).isEqualByComparingTo("0.00");
		assertThat(l.vat()).isEqualByComparingTo("54.00");
		assertThat(List.of(a.totalDuty(), a.totalExcise(), a.totalVat(), a.totalTaxes()))
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("0"), new BigDecimal("0"), new BigDecimal("54.00"), new BigDecimal("54.00"));
		assertThat(a.waived()).isEqualTo(new Assessment.Waived(new BigDecimal("48.00"), new BigDecimal("0.00"),
				new BigDecimal("0.00")));
		assertThat(l.steps()).containsSubsequence("duty = 600.00 × 8% = 48.00",
				"duty not collected: the consignment's duty 48.00 is 50 CNY or less",
				"VAT = (600.00 + 0.00 + 0.00) × 9% = 54.00", "taxes = 0.00 + 0.00 + 54.00 = 54.00");
	}

	@Test
	void fiftyYuanItselfIsNotCollectedAndAFenMoreIs() {
		// 625.00 × 8 % = 50.00: not collected; VAT 625.00 × 9 % = 56.25
		Assessment fifty = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "0901110000", "625", "BR", null)));
		// 625.13 × 8 % = 50.0104 → 50.01: collected; VAT (625.13 + 50.01) × 9 % = 60.7626 → 60.76
		Assessment aFenMore = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "0901110000", "625.13", "BR", null)));

		assertThat(fifty.totalDuty()).isEqualByComparingTo("0");
		assertThat(fifty.waived().duty()).isEqualByComparingTo("50.00");
		assertThat(fifty.totalTaxes()).isEqualByComparingTo("56.25");
		assertThat(aFenMore.totalDuty()).isEqualByComparingTo("50.01");
		assertThat(aFenMore.totalVat()).isEqualByComparingTo("60.76");
		assertThat(aFenMore.waived()).isEqualTo(Assessment.Waived.NONE);
		assertThat(aFenMore.totalTaxes()).isEqualByComparingTo("110.77");
	}

	@Test
	void theRuleIsOfTheConsignmentNotOfEachLine() {
		// two lines of coffee at 400.00: duty 32.00 each, 64.00 for the consignment: collected
		// VAT 9 % of 432.00 = 38.88 each, 77.76 for the consignment: collected
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "0901110000", "400", "BR", null), item(2, "0901110000", "400", "BR", null)));

		assertThat(a.lines()).extracting(Assessment.Line::duty).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("32.00"), new BigDecimal("32.00"));
		assertThat(a.totalTaxes()).isEqualByComparingTo("141.76");
		assertThat(a.waived().any()).isFalse();
	}

	@Test
	void eachTaxIsWaivedOnItsOwn() {
		// processors 300.00 CNY: no duty; VAT 13 % = 39.00, 50 or less: nothing is collected
		Assessment processors = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "8542319000", "300", "US", null)));
		// perfume 1,000.00 CNY: duty 3 % = 30.00, not collected;
		// excise 15 % of (1,000.00 + 0.00) ÷ 0.85 = 176.470… → 176.47; VAT 13 % of 1,176.47 = 152.9411 → 152.94
		Assessment perfume = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "3303000000", "1000", "FR", null)));

		assertThat(processors.totalTaxes()).isEqualByComparingTo("0");
		assertThat(processors.lines().get(0).vat()).isEqualByComparingTo("0");
		assertThat(processors.waived()).isEqualTo(new Assessment.Waived(new BigDecimal("0.00"),
				new BigDecimal("0.00"), new BigDecimal("39.00")));
		assertThat(processors.lines().get(0).steps()).contains(
				"VAT not collected: the consignment's VAT 39.00 is 50 CNY or less");
		assertThat(perfume.totalDuty()).isEqualByComparingTo("0");
		assertThat(perfume.totalExcise()).isEqualByComparingTo("176.47");
		assertThat(perfume.totalVat()).isEqualByComparingTo("152.94");
		assertThat(perfume.totalTaxes()).isEqualByComparingTo("329.41");
		assertThat(perfume.waived().duty()).isEqualByComparingTo("30.00");
		assertThat(perfume.lines().get(0).steps()).contains(
				"excise = (1,000.00 + 0.00) ÷ (1 − 15%) × 15% = 176.47");
	}

	@Test
	void anExportDutyOfFiftyYuanOrLessIsNotCollected() {
		// FOB 200.00 CNY, export duty 20 % (set for this test) = 40.00: not collected
		exportRates.put("8101940000", new BigDecimal("0.2"));
		Assessment a = assessor.assess(request(TradeFlow.EXPORT, "FOB", "CNY", null, null,
				item(1, "8101940000", "200", "CN", null)));

		assertThat(a.totalTaxes()).isEqualByComparingTo("0");
		assertThat(a.waived().duty()).isEqualByComparingTo("40.00");
		assertThat(a.lines().get(0).steps()).contains("export duty = 200.00 × 20% = 40.00",
				"export duty not collected: the consignment's export duty 40.00 is 50 CNY or less");
	}

	@Test
	void aCorrectedValueIsUnderTheSameRule() {
		// coffee 1,000.00 CNY: duty 80.00, VAT 9 % of 1,080.00 = 97.20; corrected to 600.00: duty 48.00 not collected,
		// VAT 54.00
		Assessment first = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "0901110000", "1000", "BR", null)));
		Assessment corrected = assessor.reassess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "0901110000", "600", "BR", null)), first.exchangeRate(),
				first.lines().stream().map(Assessment.Line::rates).toList());

		assertThat(first.totalTaxes()).isEqualByComparingTo("177.20");
		assertThat(corrected.totalTaxes()).isEqualByComparingTo("54.00");
		assertThat(corrected.waived().duty()).isEqualByComparingTo("48.00");
	}

	@Test
	void wineWithExcise() {
		// value 10,000.00 CNY CIF
		// duty 14 %: 10,000.00 × 0.14 = 1,400.00
		// excise 10 %: (10,000.00 + 1,400.00) ÷ (1 − 0.10) × 0.10 = 11,400 ÷ 0.9 × 0.1 = 1,266.666… → 1,266.67
		// VAT 13 %: (10,000.00 + 1,400.00 + 1,266.67) × 0.13 = 12,666.67 × 0.13 = 1,646.6671 → 1,646.67
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "CIF", "CNY", null, null,
				item(1, "2204210000", "10000", "FR", null)));
		Assessment.Line l = a.lines().get(0);
		assertThat(l.customsValueCny()).isEqualByComparingTo("10000.00");
		assertThat(l.rateBasis()).isEqualTo("MFN");
		assertThat(l.duty()).isEqualByComparingTo("1400.00");
		assertThat(l.excise()).isEqualByComparingTo("1266.67");
		assertThat(l.vat()).isEqualByComparingTo("1646.67");
		assertThat(a.totalTaxes()).isEqualByComparingTo("4313.34");
		assertThat(l.steps()).contains("duty = 10,000.00 × 14% = 1,400.00",
				"excise = (10,000.00 + 1,400.00) ÷ (1 − 10%) × 10% = 1,266.67",
				"VAT = (10,000.00 + 1,400.00 + 1,266.67) × 13% = 1,646.67");
	}

	@Test
	void perfumeInEurosWithDutyExciseAndVat() {
		// 2,345.67 EUR × 7.8 = 18,296.226 → 18,296.23 CNY
		// duty 3 %: 18,296.23 × 0.03 = 548.8869 → 548.89
		// excise 15 %: (18,296.23 + 548.89) × 0.15 ÷ 0.85 = 18,845.12 × 0.15 ÷ 0.85 = 3,325.609… → 3,325.61
		// VAT 13 %: (18,296.23 + 548.89 + 3,325.61) × 0.13 = 22,170.73 × 0.13 = 2,882.1949 → 2,882.19
		// taxes 548.89 + 3,325.61 + 2,882.19 = 6,756.69
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "CIF", "EUR", null, null,
				item(1, "3303000000", "2345.67", "FR", null)));
		Assessment.Line l = a.lines().get(0);
		assertThat(a.exchangeRate()).isEqualByComparingTo("7.8");
		assertThat(l.customsValueCny()).isEqualByComparingTo("18296.23");
		assertThat(l.duty()).isEqualByComparingTo("548.89");
		assertThat(l.excise()).isEqualByComparingTo("3325.61");
		assertThat(l.vat()).isEqualByComparingTo("2882.19");
		assertThat(a.totalTaxes()).isEqualByComparingTo("6756.69");
	}

	@Test
	void greenCoffeeFobWithRcepCertificateFromAParty() {
		// FOB 10,000.00 USD + freight 500.00 + insurance not declared: 3‰ × (10,000 + 500) = 31.50
		// CIF 10,531.50 USD × 7.1 = 74,773.65 CNY
		// RCEP certificate, origin VN is a party: duty 0 % = 0.00
		// VAT 9 %: 74,773.65 × 0.09 = 6,729.6285 → 6,729.63
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "500", null,
				item(1, "0901110000", "10000", "VN", "RCEP")));
		Assessment.Line l = a.lines().get(0);
		assertThat(l.customsValueCny()).isEqualByComparingTo("74773.65");
		assertThat(l.rateBasis()).isEqualTo("PREF:RCEP");
		assertThat(l.dutyRate()).isEqualByComparingTo("0");
		assertThat(l.duty()).isEqualByComparingTo("0.00");
		assertThat(l.vat()).isEqualByComparingTo("6729.63");
		assertThat(l.steps()).anyMatch(s -> s.contains("insurance 31.50 (3‰"))
				.contains("customs value = 10,531.50 USD × 7.1 = 74,773.65 CNY");
	}

	@Test
	void aCertificateFromANonPartyCountryLeavesTheMfnRate() {
		// same consignment, origin BR (not in RCEP): duty 8 %: 74,773.65 × 0.08 = 5,981.892 → 5,981.89
		// VAT 9 %: (74,773.65 + 5,981.89) × 0.09 = 80,755.54 × 0.09 = 7,267.9986 → 7,268.00
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "500", null,
				item(1, "0901110000", "10000", "BR", "RCEP")));
		Assessment.Line l = a.lines().get(0);
		assertThat(l.rateBasis()).isEqualTo("MFN");
		assertThat(l.duty()).isEqualByComparingTo("5981.89");
		assertThat(l.vat()).isEqualByComparingTo("7268.00");
		assertThat(l.steps()).anyMatch(s -> s.contains("origin BR is not a party to RCEP → MFN 8%"));
	}

	@Test
	void aPartyCountryWithoutACertificateAlsoPaysMfn() {
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null,
				item(1, "0901110000", "1000", "VN", null)));
		// 1,000.00 × 7.1 = 7,100.00; duty 8 % = 568.00
		assertThat(a.lines().get(0).rateBasis()).isEqualTo("MFN");
		assertThat(a.lines().get(0).duty()).isEqualByComparingTo("568.00");
	}

	@Test
	void freightAndInsuranceAreAllocatedByValueAndAddUp() {
		// FOB items 1,000.00 and 2,000.00 USD; freight 100.00 → 33.33 + 66.67; insurance 10.00 → 3.33 + 6.67
		// CIF 1,036.66 USD × 7.1 = 7,360.286 → 7,360.29 CNY; 2,073.34 × 7.1 = 14,720.714 → 14,720.71 CNY
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "100", "10",
				item(1, "8542319000", "1000", "US", null), item(2, "8542319000", "2000", "US", null)));
		assertThat(a.lines().get(0).customsValueCny()).isEqualByComparingTo("7360.29");
		assertThat(a.lines().get(1).customsValueCny()).isEqualByComparingTo("14720.71");
		assertThat(a.totalCustomsValueCny()).isEqualByComparingTo("22081.00");
		// VAT 13 %: 7,360.29 × 0.13 = 956.8377 → 956.84; 14,720.71 × 0.13 = 1,913.6923 → 1,913.69
		assertThat(a.totalVat()).isEqualByComparingTo("2870.53");
		assertThat(LineByLineDutyAssessor.allocate(new BigDecimal("0.10"),
				List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))).extracting(BigDecimal::toPlainString)
				.containsExactly("0.04", "0.03", "0.03");
	}

	@Test
	void exportsAreValuedFobWithoutImportTaxes() {
		// CIF 10,000.00 USD − freight 300.00 − insurance 20.00 = FOB 9,680.00 USD × 7.1 = 68,728.00 CNY
		// export duty 20 % (set for this test): 68,728.00 × 0.2 = 13,745.60; no VAT, no excise
		exportRates.put("8101940000", new BigDecimal("0.2"));
		Assessment a = assessor.assess(request(TradeFlow.EXPORT, "CIF", "USD", "300", "20",
				item(1, "8101940000", "10000", "CN", null)));
		Assessment.Line l = a.lines().get(0);
		assertThat(l.customsValueCny()).isEqualByComparingTo("68728.00");
		assertThat(l.rateBasis()).isEqualTo("EXPORT");
		assertThat(l.duty()).isEqualByComparingTo("13745.60");
		assertThat(l.vat()).isEqualByComparingTo("0");
		assertThat(l.excise()).isEqualByComparingTo("0");
	}

	@Test
	void anExportOnCfrTermsTakesOffTheFreightButNoInsuranceItsPriceNeverHad() {
		// CFR 5,000.00 USD − freight 200.00 = FOB 4,800.00 USD × 7.1 = 34,080.00 CNY; the 15.00 insurance declared is
		// the buyer's (a CFR price does not include it), so it is not taken off.
		Assessment a = assessor.assess(request(TradeFlow.EXPORT, "CFR", "USD", "200", "15",
				item(1, "8542319000", "5000", "CN", null)));

		assertThat(a.lines().get(0).customsValueCny()).isEqualByComparingTo("34080.00");
		assertThat(a.lines().get(0).steps()).containsSubsequence("declared value (CFR) = 5,000.00 USD",
				"FOB value = 5,000.00 − freight 200.00 = 4,800.00 USD",
				"customs value = 4,800.00 USD × 7.1 = 34,080.00 CNY");
	}

	@Test
	void anExportOnCifTermsWithoutAFreightFigureTakesOffTheInsuranceAlone() {
		// CIF 10,000.00 USD − insurance 20.00 = FOB 9,980.00 USD × 7.1 = 70,858.00 CNY (no freight figure declared)
		Assessment a = assessor.assess(request(TradeFlow.EXPORT, "CIF", "USD", null, "20",
				item(1, "8542319000", "10000", "CN", null)));

		assertThat(a.lines().get(0).customsValueCny()).isEqualByComparingTo("70858.00");
	}

	@Test
	void anExportOnFobTermsIsValuedAtItsPriceWhateverFreightItNames() {
		// FOB 5,000.00 USD: the freight after the ship's rail is the buyer's; 5,000.00 × 7.1 = 35,500.00 CNY.
		Assessment a = assessor.assess(request(TradeFlow.EXPORT, "FOB", "USD", "200", "15",
				item(1, "8542319000", "5000", "CN", null)));

		assertThat(a.lines().get(0).customsValueCny()).isEqualByComparingTo("35500.00");
		assertThat(a.lines().get(0).steps()).noneMatch(step -> step.contains("freight"));
	}

	@Test
	void anImportShowsHowItsCifValueWasBuilt() {
		// FOB 1,000.00 USD + freight 100.00 + insurance not declared: 3‰ of 1,100.00 = 3.30 → CIF 1,103.30 USD
		Assessment a = assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "100", null,
				item(1, "8542319000", "1000", "US", null)));

		assertThat(a.lines().get(0).steps()).contains(
				"CIF value = 1,000.00 + freight 100.00 + insurance 3.30 (3‰ of goods value + freight, not declared)"
						+ " = 1,103.30 USD");
		assertThat(a.lines().get(0).customsValueCny()).isEqualByComparingTo("7833.43");
	}

	@Test
	void amountsAreNeverNegativeButMayBeNothing() {
		assertThat(assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "0", "0",
				item(1, "8542319000", "1000", "US", null))).totalCustomsValueCny()).isEqualByComparingTo("7100.00");
		assertThatThrownBy(() -> assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "-1", "-0.01",
				item(1, "8542319000", "-5", "US", null))))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
					.extracting(f -> f.field() + ":" + f.code())
					.containsExactlyInAnyOrder("freight:AMOUNT_NEGATIVE", "insurance:AMOUNT_NEGATIVE",
							"items[0].value:AMOUNT_NEGATIVE"));
	}

	/**
	 * Amounts far below a fen are taken as the column keeps them, zero: they were checked that way and then used as
	 * typed, and rounding 1e-999999999 to fen needs 10^999999997 (found by the fuzz suite, seed 20261209: a 500).
	 */
	@Test
	void amountsFarBelowAFenAreAssessedAsZeroNotRoundedFromTheirTypedScale() {
		Assessment tiny = assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "1e-999999999", "0E+999999999",
				item(1, "8542319000", "1e-999999999", "US", null), item(2, "8542319000", "100", "US", null)));

		assertThat(tiny.lines()).extracting(Assessment.Line::customsValueCny)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("0.00"), new BigDecimal("710.00"));
		Assessment first = assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null,
				item(1, "8542319000", "100", "US", null)));
		Assessment again = assessor.reassess(request(TradeFlow.IMPORT, "CIF", "USD", null, null,
				item(1, "8542319000", "0E+999999999", "US", null)), first.exchangeRate(),
				first.lines().stream().map(Assessment.Line::rates).toList());
		assertThat(again.totalCustomsValueCny()).isEqualByComparingTo("0");
	}

	@Test
	void fiftyLinesAreAssessedAndFiftyOneRefused() {
		AssessmentRequest.Item[] fifty = new AssessmentRequest.Item[InputLimits.ITEMS_PER_DECLARATION];
		for (int i = 0; i < fifty.length; i++) {
			fifty[i] = item(i + 1, "8542319000", "10", "US", null);
		}
		AssessmentRequest.Item[] fiftyOne = java.util.Arrays.copyOf(fifty, fifty.length + 1);
		fiftyOne[fifty.length] = item(fifty.length + 1, "8542319000", "10", "US", null);

		assertThat(assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null, fifty)).lines()).hasSize(50);
		assertThatThrownBy(() -> assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null, fiftyOne)))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
					.extracting(f -> f.field() + ":" + f.code()).containsExactly("items:TOO_MANY_ITEMS"));
	}

	@Test
	void aBlankAgreementIsNoClaimAndAnUnknownOneIsRefused() {
		assertThat(assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null,
				item(1, "0901110000", "1000", "VN", " "))).lines().get(0).rateBasis()).isEqualTo("MFN");
		assertThatThrownBy(() -> assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null,
				item(1, "0901110000", "1000", "VN", "NAFTA"))))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
					.extracting(f -> f.field() + ":" + f.code())
					.containsExactly("items[0].preferenceAgreement:AGREEMENT_UNKNOWN"));
	}

	@Test
	void anImportOnFobTermsNeedsTheFreight() {
		assertThatThrownBy(() -> assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", null, null,
				item(1, "8542319000", "1000", "US", null))))
				.isInstanceOfSatisfying(Problem.class, p -> {
					assertThat(p.code()).isEqualTo("INVALID_INPUT");
					assertThat(p.fieldProblems().get(0).code()).isEqualTo("FREIGHT_REQUIRED");
					assertThat(p.fieldProblems().get(0).field()).isEqualTo("freight");
				});
	}

	@Test
	void refusesUnknownLinesAndMissingRatesAllAtOnce() {
		var request = new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.of("JPY"), null, null, MARCH,
				List.of(item(1, "8542319000", "1000", "US", null), item(2, "0101210000", "5", "US", null)));
		assertThatThrownBy(() -> assessor.assess(request)).isInstanceOfSatisfying(Problem.class, p -> {
			assertThat(p.code()).isEqualTo("INVALID_INPUT");
			List<String> found = new ArrayList<>();
			p.fieldProblems().forEach(f -> found.add(f.field() + ":" + f.code()));
			assertThat(found).containsExactlyInAnyOrder("currency:EXCHANGE_RATE_MISSING",
					"items[1].hsCode:TARIFF_LINE_UNKNOWN");
		});
	}

	@Test
	void aSingleUnknownLineIsInvalidInputLikeAnyOther() {
		assertThatThrownBy(() -> assessor.assess(request(TradeFlow.IMPORT, "CIF", "USD", null, null,
				item(1, "0101210000", "5", "US", null))))
				.isInstanceOfSatisfying(Problem.class, p -> {
					assertThat(p.code()).isEqualTo("INVALID_INPUT");
					assertThat(p.fieldProblems()).extracting(f -> f.field() + ":" + f.code())
						.containsExactly("items[0].hsCode:TARIFF_LINE_UNKNOWN");
				});
	}

	@Test
	void aCorrectedValueIsAssessedAtTheRatesFirstAppliedNotAtTheTariffInForceNow() {
		// Wine, FOB, freight 100 USD: first 1,000 + 1,000 USD. RCEP 5 % on line 1 (origin AU), MFN 14 % on line 2.
		var first = assessor.assess(request(TradeFlow.IMPORT, "FOB", "USD", "100", "0",
				item(1, "2204210000", "1000", "AU", "RCEP"), item(2, "2204210000", "1000", "FR", null)));
		assertThat(first.lines()).extracting(Assessment.Line::rateBasis).containsExactly("PREF:RCEP", "MFN");
		// Since then the tariff changed (MFN 20 %, no RCEP rate, VAT 9 %) and so did the month's rate.
		line("2204210000", "0.20", "0.10", "0.09", Map.of());
		List<Assessment.Rates> rates = first.lines().stream().map(Assessment.Line::rates).toList();
		var corrected = assessor.reassess(request(TradeFlow.IMPORT, "FOB", "USD", "100", "0",
				item(1, "2204210000", "1000", "AU", "RCEP"), item(2, "2204210000", "3000", "FR", null)),
				new BigDecimal("7.1"), rates);
		// Freight 100 is allocated afresh by the corrected values: 25 and 75.
		// Line 1: (1,000 + 25) × 7.1 = 7,277.50; duty 5 % = 363.88; excise (7,277.50 + 363.88) / 0.9 × 0.1 = 849.04;
		// VAT 13 % of 8,490.42 = 1,103.75.
		Assessment.Line one = corrected.lines().get(0);
		assertThat(one.customsValueCny()).isEqualByComparingTo("7277.50");
		assertThat(one.rateBasis()).isEqualTo("PREF:RCEP");
		assertThat(one.duty()).isEqualByComparingTo("363.88");
		assertThat(one.excise()).isEqualByComparingTo("849.04");
		assertThat(one.vat()).isEqualByComparingTo("1103.75");
		assertThat(one.steps()).contains("rates as first assessed: PREF:RCEP duty 5%, excise 10%, VAT 13%");
		// Line 2: (3,000 + 75) × 7.1 = 21,832.50; duty 14 % = 3,056.55; excise (24,889.05) / 0.9 × 0.1 = 2,765.45;
		// VAT 13 % of 27,654.50 = 3,595.09.
		Assessment.Line two = corrected.lines().get(1);
		assertThat(two.customsValueCny()).isEqualByComparingTo("21832.50");
		assertThat(two.duty()).isEqualByComparingTo("3056.55");
		assertThat(two.excise()).isEqualByComparingTo("2765.45");
		assertThat(two.vat()).isEqualByComparingTo("3595.09");
		assertThat(corrected.exchangeRate()).isEqualByComparingTo("7.1");
		assertThat(corrected.totalTaxes()).isEqualByComparingTo(
				one.duty().add(one.excise()).add(one.vat()).add(two.duty()).add(two.excise()).add(two.vat()));
	}

	@Test
	void theSameValuesReassessedGiveTheSameAmounts() {
		var first = assessor.assess(request(TradeFlow.IMPORT, "CIF", "EUR", null, null,
				item(1, "3303000000", "1234.56", "FR", null), item(2, "0901110000", "99.99", "VN", "ACFTA")));
		var again = assessor.reassess(request(TradeFlow.IMPORT, "CIF", "EUR", null, null,
				item(1, "3303000000", "1234.56", "FR", null), item(2, "0901110000", "99.99", "VN", "ACFTA")),
				first.exchangeRate(), first.lines().stream().map(Assessment.Line::rates).toList());
		for (int i = 0; i < 2; i++) {
			Assessment.Line a = first.lines().get(i), b = again.lines().get(i);
			assertThat(List.of(b.customsValueCny(), b.duty(), b.excise(), b.vat()))
				.isEqualTo(List.of(a.customsValueCny(), a.duty(), a.excise(), a.vat()));
			assertThat(b.rateBasis()).isEqualTo(a.rateBasis());
		}
		assertThat(again.totalTaxes()).isEqualTo(first.totalTaxes());
	}

	@Test
	void aCorrectedValueOutOfRangeIsRefusedAtItsLine() {
		var first = assessor.assess(request(TradeFlow.EXPORT, "FOB", "USD", null, null,
				item(1, "8542319000", "1000", "CN", null)));
		assertThatThrownBy(() -> assessor.reassess(request(TradeFlow.EXPORT, "FOB", "USD", null, null,
				item(1, "8542319000", "-1", "CN", null)), first.exchangeRate(),
				first.lines().stream().map(Assessment.Line::rates).toList()))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code()).containsExactly("items[0].value:AMOUNT_NEGATIVE"));
	}
}
