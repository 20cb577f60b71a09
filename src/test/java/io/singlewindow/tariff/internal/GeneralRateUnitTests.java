package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.TariffLine;

/**
 * The general rate (普通税率): goods of an origin listed without most-favoured-nation treatment pay each line's general
 * rate instead of MFN — ad valorem, per unit or both — and no provisional rate; a preference still when lower, the
 * in-quota rate within a quota. AQ stands for a listed origin here (hypothetical: the list is the Tariff Commission's).
 * Worked examples in CNY on CIF terms.
 */
class GeneralRateUnitTests {

	static final String ROASTED_COFFEE = "0901210000";
	static final String BEER = "2203000000";
	static final String WHEAT = "1001990000";
	static final String PERFUME = "3303000000";
	static final String SAUSAGES = "1601001000";
	static final LocalDate DAY = LocalDate.of(2026, 6, 1);

	final Map<String, TariffLine> schedule = new HashMap<>();
	final List<OriginWithoutMfn> listed = new ArrayList<>();
	final LineByLineDutyAssessor assessor = new LineByLineDutyAssessor(
			code -> Optional.ofNullable(schedule.get(code.value())),
			(currency, month) -> currency.value().equals("CNY") ? Optional.of(BigDecimal.ONE) : Optional.empty(),
			new TradeAgreements() {
				@Override
				public boolean isParty(String agreement, CountryCode country) {
					return Set.of("AU", "AQ").contains(country.value());
				}

				@Override
				public boolean exists(String agreement) {
					return agreement.equals("ChAFTA");
				}
			}, code -> Optional.empty(), TradeRemedies.NONE,
			(origin, day) -> listed.stream().filter(l -> l.origin().equals(origin) && l.inForceOn(day)).findFirst());

	GeneralRateUnitTests() {
		listed.add(new OriginWithoutMfn(1, CountryCode.of("AQ"), "TEST-1", LocalDate.of(2026, 1, 1), null));
		// MFN 15 %, general 50 %, ChAFTA 10 %
		roastedCoffee(null);
		// MFN nothing, general 7.5 CNY a litre; excise 0.253 CNY a litre
		schedule.put(BEER, line(BEER, "0", Map.of(), null, new UnitCode("LTR"), null, new BigDecimal("0.253"), null,
				null, "0", "7.5"));
		// MFN 65 % out of quota, 1 % within it; general 180 %
		schedule.put(WHEAT, line(WHEAT, "0.65", Map.of(), null, new UnitCode("KGM"), null, null, null, "0.01", "1.8",
				null));
		// a line the schedule gives no general rate for (imported before the column was part of the file)
		schedule.put(PERFUME, line(PERFUME, "0.03", Map.of(), "0.15", new UnitCode("KGM"), null, null, null, null,
				null, null));
		// MFN ad valorem, the general rate per unit alone
		schedule.put(SAUSAGES, line(SAUSAGES, "0.15", Map.of(), null, new UnitCode("KGM"), null, null, null, null, "0",
				"3"));
	}

	void roastedCoffee(TariffLine.Provisional provisional) {
		schedule.put(ROASTED_COFFEE, line(ROASTED_COFFEE, "0.15", Map.of("ChAFTA", new BigDecimal("0.10")), null,
				new UnitCode("KGM"), null, null, provisional, null, "0.5", null));
	}

	static TariffLine line(String code, String mfn, Map<String, BigDecimal> preferences, String excise, UnitCode unit,
			String mfnPerUnit, BigDecimal excisePerUnit, TariffLine.Provisional provisional, String inQuota,
			String general, String generalPerUnit) {
		return new TariffLine(HsCode.of(code), "zh", "en", new BigDecimal(mfn), preferences,
				excise == null ? null : new BigDecimal(excise), new BigDecimal("0.13"), Set.of(), Set.of(), true, unit,
				null, mfnPerUnit == null ? null : new BigDecimal(mfnPerUnit), excisePerUnit, provisional,
				inQuota == null ? null : new BigDecimal(inQuota), general == null ? null : new BigDecimal(general),
				generalPerUnit == null ? null : new BigDecimal(generalPerUnit));
	}

	Assessment.Line imported(String hs, String origin, String agreement, String quantity, boolean inQuota) {
		return assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.of("CNY"), null, null, DAY,
				List.of(new AssessmentRequest.Item(1, HsCode.of(hs), new BigDecimal("10000"), CountryCode.of(origin),
						agreement, quantity == null ? null : new BigDecimal(quantity), inQuota)))).lines().get(0);
	}

	@Test
	void goodsOfAnOriginWithoutMfnPayTheGeneralRateAndAnyOtherOriginMfn() {
		// 10,000.00 × 50 % = 5,000.00; VAT (10,000.00 + 5,000.00) × 13 % = 1,950.00
		Assessment.Line listedOrigin = imported(ROASTED_COFFEE, "AQ", null, null, false);
		// 10,000.00 × 15 % = 1,500.00
		Assessment.Line other = imported(ROASTED_COFFEE, "BR", null, null, false);

		assertThat(listedOrigin.rateBasis()).isEqualTo("GENERAL");
		assertThat(listedOrigin.dutyRate()).isEqualByComparingTo("0.5");
		assertThat(listedOrigin.duty()).isEqualByComparingTo("5000.00");
		assertThat(listedOrigin.vat()).isEqualByComparingTo("1950.00");
		assertThat(listedOrigin.steps())
			.contains("origin AQ has no MFN treatment (notice TEST-1) → general rate 50% instead of MFN 15%");
		assertThat(other.rateBasis()).isEqualTo("MFN");
		assertThat(other.duty()).isEqualByComparingTo("1500.00");
	}

	@Test
	void anOriginPaysMfnOutsideTheDaysItIsListed() {
		listed.clear();
		listed.add(new OriginWithoutMfn(1, CountryCode.of("AQ"), "TEST-1", LocalDate.of(2025, 1, 1),
				LocalDate.of(2026, 5, 31)));
		Assessment.Line afterItsLastDay = imported(ROASTED_COFFEE, "AQ", null, null, false);
		listed.set(0, new OriginWithoutMfn(1, CountryCode.of("AQ"), "TEST-1", LocalDate.of(2026, 6, 2), null));
		Assessment.Line beforeItsFirstDay = imported(ROASTED_COFFEE, "AQ", null, null, false);
		listed.set(0, new OriginWithoutMfn(1, CountryCode.of("AQ"), "TEST-1", DAY, DAY));
		Assessment.Line onItsOnlyDay = imported(ROASTED_COFFEE, "AQ", null, null, false);

		assertThat(afterItsLastDay.rateBasis()).isEqualTo("MFN");
		assertThat(beforeItsFirstDay.rateBasis()).isEqualTo("MFN");
		assertThat(onItsOnlyDay.rateBasis()).isEqualTo("GENERAL");
	}

	@Test
	void noProvisionalRateAppliesAtTheGeneralRate() {
		roastedCoffee(new TariffLine.Provisional(new BigDecimal("0.05"), null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31)));

		Assessment.Line listedOrigin = imported(ROASTED_COFFEE, "AQ", null, null, false);
		Assessment.Line other = imported(ROASTED_COFFEE, "BR", null, null, false);

		assertThat(listedOrigin.rateBasis()).isEqualTo("GENERAL");
		assertThat(listedOrigin.duty()).isEqualByComparingTo("5000.00");
		assertThat(listedOrigin.steps()).contains("provisional rate 5% does not apply at the general rate");
		assertThat(other.rateBasis()).isEqualTo("PROVISIONAL");
		assertThat(other.duty()).isEqualByComparingTo("500.00");
	}

	@Test
	void aGeneralRatePerUnitIsLeviedOnTheQuantityInTheLegalUnit() {
		// 2,000 LTR × 7.5 = 15,000.00; excise 2,000 × 0.253 = 506.00; VAT (10,000.00 + 15,000.00 + 506.00) × 13 %
		// = 3,315.78
		Assessment.Line beer = imported(BEER, "AQ", null, "2000", false);

		assertThat(beer.rateBasis()).isEqualTo("GENERAL");
		assertThat(beer.duty()).isEqualByComparingTo("15000.00");
		assertThat(beer.perUnit().duty()).isEqualByComparingTo("7.5");
		assertThat(beer.excise()).isEqualByComparingTo("506.00");
		assertThat(beer.vat()).isEqualByComparingTo("3315.78");
		assertThat(beer.steps()).contains("duty = 2000 LTR × 7.5 CNY/LTR = 15,000.00");
	}

	@Test
	void aLineWhoseGeneralRateIsPerUnitNeedsTheQuantityOnlyFromAListedOrigin() {
		// 10,000.00 × 15 % = 1,500.00 from an origin with MFN, whatever the quantity
		Assessment.Line other = imported(SAUSAGES, "BR", null, null, false);

		assertThat(other.duty()).isEqualByComparingTo("1500.00");
		assertThatThrownBy(() -> imported(SAUSAGES, "AQ", null, null, false))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code() + ":" + List.of(f.arguments()))
				.containsExactly("items[0].quantity:QUANTITY_REQUIRED:[1601001000, KGM]"));
		// 1,000 KGM × 3 = 3,000.00
		assertThat(imported(SAUSAGES, "AQ", null, "1000", false).duty()).isEqualByComparingTo("3000.00");
	}

	@Test
	void withinATariffQuotaTheInQuotaRateIsPaidWhateverTheOrigin() {
		// 10,000.00 × 1 % = 100.00 within the quota; 10,000.00 × 180 % = 18,000.00 outside it
		Assessment.Line inQuota = imported(WHEAT, "AQ", null, null, true);
		Assessment.Line outOfQuota = imported(WHEAT, "AQ", null, null, false);

		assertThat(inQuota.rateBasis()).isEqualTo("IN_QUOTA");
		assertThat(inQuota.duty()).isEqualByComparingTo("100.00");
		assertThat(outOfQuota.rateBasis()).isEqualTo("GENERAL");
		assertThat(outOfQuota.duty()).isEqualByComparingTo("18000.00");		// so a quota line the schedule gives no general rate for is assessed within the quota, refused outside it
		schedule.put(WHEAT, line(WHEAT, "0.65", Map.of(), null, new UnitCode("KGM"), null, null, null, "0.01", null,
				null));
		assertThat(imported(WHEAT, "AQ", null, null, true).duty()).isEqualByComparingTo("100.00");
		assertThatThrownBy(() -> imported(WHEAT, "AQ", null, null, false)).isInstanceOf(Problem.class);
	}

	@Test
	void aPreferenceTheCertificateEarnsIsPaidWhenLowerThanTheGeneralRate() {
		// ChAFTA 10 % below the general 50 %: 1,000.00
		Assessment.Line preferred = imported(ROASTED_COFFEE, "AQ", "ChAFTA", null, false);

		assertThat(preferred.rateBasis()).isEqualTo("PREF:ChAFTA");
		assertThat(preferred.duty()).isEqualByComparingTo("1000.00");
		assertThat(preferred.steps()).contains(
				"ChAFTA certificate of origin, origin AQ is a party → ChAFTA rate 10% instead of general rate 50%");
	}

	@Test
	void anImportALineGivesNoGeneralRateForIsRefusedFromAListedOriginOnly() {
		assertThatThrownBy(() -> imported(PERFUME, "AQ", null, null, false))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code() + ":" + List.of(f.arguments()))
				.containsExactly("items[0].origin:GENERAL_RATE_MISSING:[3303000000, AQ]"));
		assertThat(imported(PERFUME, "FR", null, null, false).duty()).isEqualByComparingTo("300.00");
	}

	@Test
	void anExportOfAListedOriginsGoodsPaysTheExportRate() {
		Assessment exported = assessor.assess(new AssessmentRequest(TradeFlow.EXPORT, "FOB", CurrencyCode.of("CNY"),
				null, null, DAY, List.of(new AssessmentRequest.Item(1, HsCode.of(PERFUME), new BigDecimal("10000"),
						CountryCode.of("AQ"), null, null))));

		assertThat(exported.lines().get(0).rateBasis()).isEqualTo("EXPORT");
	}

	@Test
	void goodsOfUnknownOriginPayTheGeneralRateWithoutAnyListingAndNoProvisionalRate() {
		listed.clear();
		roastedCoffee(new TariffLine.Provisional(new BigDecimal("0.05"), null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31)));

		// 原产地不明: 10,000.00 × 50 % = 5,000.00; VAT (10,000.00 + 5,000.00) × 13 % = 1,950.00
		Assessment.Line unknown = imported(ROASTED_COFFEE, "ZZ", null, null, false);

		assertThat(unknown.rateBasis()).isEqualTo("GENERAL");
		assertThat(unknown.duty()).isEqualByComparingTo("5000.00");
		assertThat(unknown.vat()).isEqualByComparingTo("1950.00");
		assertThat(unknown.steps()).contains("origin unknown → general rate 50% instead of MFN 15%",
				"provisional rate 5% does not apply at the general rate");
		// per unit on the quantity, as from a listed origin: 2,000 LTR × 7.5 = 15,000.00
		assertThat(imported(BEER, "ZZ", null, "2000", false).duty()).isEqualByComparingTo("15000.00");
	}

	@Test
	void goodsOfUnknownOriginEarnNoPreferenceArePaidInQuotaWithinAQuotaAndNeedTheLinesGeneralRate() {
		// a certificate cannot make goods of no known origin a party's: 5,000.00 at the general rate
		Assessment.Line certified = imported(ROASTED_COFFEE, "ZZ", "ChAFTA", null, false);

		assertThat(certified.rateBasis()).isEqualTo("GENERAL");
		assertThat(certified.duty()).isEqualByComparingTo("5000.00");
		assertThat(certified.steps()).contains("ChAFTA certificate presented, but origin ZZ is not a party to ChAFTA → "
				+ "general rate 50%");
		// within the quota the in-quota rate whatever the origin: 10,000.00 × 1 % = 100.00
		assertThat(imported(WHEAT, "ZZ", null, null, true).rateBasis()).isEqualTo("IN_QUOTA");
		assertThatThrownBy(() -> imported(PERFUME, "ZZ", null, null, false))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code() + ":" + List.of(f.arguments()))
				.containsExactly("items[0].origin:GENERAL_RATE_MISSING:[3303000000, ZZ]"));
	}
}
