package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.TariffLine;

/**
 * Trade remedies (贸易救济): brandy from France pays, besides its duty, the anti-dumping duty the notice sets for its
 * producer, or for all other French producers when the producer is not one the notice names; it enters the excise's
 * and the VAT's basis like the duty, is never waived as a small amount, and a correction is assessed again at it.
 * Worked by hand in CNY on CIF terms: brandy MFN 10 %, excise 20 % ad valorem, VAT 13 %.
 */
class TradeRemedyUnitTests {

	static final String BRANDY = "2208200000";
	static final LocalDate DAY = LocalDate.of(2026, 6, 1);
	static final String NOTICE = "商务部公告2025年第23号";

	final List<TradeRemedy> measures = new ArrayList<>();
	final LineByLineDutyAssessor assessor = new LineByLineDutyAssessor(
			code -> Optional.of(new TariffLine(HsCode.of(BRANDY), "白兰地", "Brandy", new BigDecimal("0.10"),
					Map.of("EUX", BigDecimal.ZERO), new BigDecimal("0.20"), new BigDecimal("0.13"), Set.of(), Set.of(),
					true, new UnitCode("LTR"), null)),
			(currency, month) -> Optional.of(BigDecimal.ONE),
			new TradeAgreements() {
				@Override
				public boolean isParty(String agreement, CountryCode country) {
					return country.value().equals("FR");
				}

				@Override
				public boolean exists(String agreement) {
					return agreement.equals("EUX");
				}
			}, code -> Optional.empty(), code -> measures.stream().filter(m -> m.hsCode().equals(code)).toList());

	TradeRemedyUnitTests() {
		antiDumping(NOTICE, "FR", null, "0.349", LocalDate.of(2025, 7, 5), null);
		antiDumping(NOTICE, "FR", "Jas Hennessy & Co.", "0.201", LocalDate.of(2025, 7, 5), null);
	}

	void antiDumping(String notice, String origin, String producer, String rate, LocalDate from, LocalDate until) {
		measure(TradeRemedy.Kind.ANTI_DUMPING, notice, origin, producer, rate, from, until);
	}

	void measure(TradeRemedy.Kind kind, String notice, String origin, String producer, String rate, LocalDate from,
			LocalDate until) {
		measures.add(new TradeRemedy(measures.size() + 1, kind, notice, HsCode.of(BRANDY),
				origin == null ? null : CountryCode.of(origin), producer, new BigDecimal(rate), from, until));
	}

	Assessment imported(String value, String origin, String producer, String agreement) {
		return assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.of("CNY"), null, null, DAY,
				List.of(new AssessmentRequest.Item(1, HsCode.of(BRANDY), new BigDecimal(value), CountryCode.of(origin),
						agreement, null, false, producer))));
	}

	@Test
	void brandyOfAProducerTheNoticeDoesNotNamePaysTheRateForAllOthersWhichEntersTheExciseAndVat() {
		// duty 10,000.00 × 10 % = 1,000.00; anti-dumping 10,000.00 × 34.9 % = 3,490.00;
		// excise (10,000.00 + 1,000.00 + 3,490.00) ÷ 0.8 × 0.2 = 3,622.50;
		// VAT (10,000.00 + 1,000.00 + 3,490.00 + 3,622.50) × 13 % = 2,354.625 → 2,354.63
		Assessment a = imported("10000", "FR", null, null);
		Assessment.Line line = a.lines().get(0);

		assertThat(line.duty()).isEqualByComparingTo("1000.00");
		assertThat(line.remedyRate()).isEqualByComparingTo("0.349");
		assertThat(line.remedy()).isEqualByComparingTo("3490.00");
		assertThat(line.excise()).isEqualByComparingTo("3622.50");
		assertThat(line.vat()).isEqualByComparingTo("2354.63");
		assertThat(a.totalRemedy()).isEqualByComparingTo("3490.00");
		assertThat(a.totalTaxes()).isEqualByComparingTo("10467.13");
		assertThat(line.steps()).contains(
				"anti-dumping duty 34.9% (notice " + NOTICE + "; origin FR; all other producers)",
				"trade remedy duty = 10,000.00 × 34.9% = 3,490.00",
				"excise = (10,000.00 + 1,000.00 + 3,490.00) ÷ (1 − 20%) × 20% = 3,622.50",
				"VAT = (10,000.00 + 1,000.00 + 3,490.00 + 3,622.50) × 13% = 2,354.63",
				"taxes = 1,000.00 + 3,490.00 + 3,622.50 + 2,354.63 = 10,467.13");
	}

	@Test
	void aProducerWhosePriceUndertakingWasAcceptedPaysNoneOfTheNoticesDuty() {
		antiDumping(NOTICE, "FR", "Maison Engagée", "0", LocalDate.of(2025, 7, 5), null);

		// no anti-dumping duty: excise (10,000.00 + 1,000.00) ÷ 0.8 × 0.2 = 2,750.00; VAT 13,750.00 × 13 % = 1,787.50
		Assessment a = imported("10000", "FR", "maison engagée", null);
		Assessment.Line line = a.lines().get(0);

		assertThat(line.remedy()).isEqualByComparingTo("0.00");
		assertThat(line.excise()).isEqualByComparingTo("2750.00");
		assertThat(line.vat()).isEqualByComparingTo("1787.50");
		assertThat(a.totalTaxes()).isEqualByComparingTo("5537.50");
		assertThat(line.steps()).contains(
				"anti-dumping duty 0% (notice " + NOTICE + "; origin FR; producer Maison Engagée)");
	}

	@Test
	void aProducerTheNoticeNamesPaysItsOwnRateHoweverItsNameIsSpacedOrCased() {
		// anti-dumping 10,000.00 × 20.1 % = 2,010.00; excise 13,010.00 ÷ 0.8 × 0.2 = 3,252.50;
		// VAT 16,262.50 × 13 % = 2,114.125 → 2,114.13
		Assessment.Line line = imported("10000", "FR", "  JAS   hennessy & co. ", null).lines().get(0);

		assertThat(line.remedy()).isEqualByComparingTo("2010.00");
		assertThat(line.excise()).isEqualByComparingTo("3252.50");
		assertThat(line.vat()).isEqualByComparingTo("2114.13");
		assertThat(line.steps()).contains(
				"anti-dumping duty 20.1% (notice " + NOTICE + "; origin FR; producer Jas Hennessy & Co.)");
	}

	@Test
	void goodsOfAnOriginNoMeasureNamesPayNoneAndTheirStepsAreAsBefore() {
		// excise (10,000.00 + 1,000.00) ÷ 0.8 × 0.2 = 2,750.00; VAT 13,750.00 × 13 % = 1,787.50
		Assessment a = imported("10000", "US", "Jas Hennessy & Co.", null);
		Assessment.Line line = a.lines().get(0);

		assertThat(line.remedyRate()).isNull();
		assertThat(line.remedy()).isEqualByComparingTo("0.00");
		assertThat(line.excise()).isEqualByComparingTo("2750.00");
		assertThat(a.totalRemedy()).isEqualByComparingTo("0.00");
		assertThat(line.steps()).contains("excise = (10,000.00 + 1,000.00) ÷ (1 − 20%) × 20% = 2,750.00",
				"taxes = 1,000.00 + 2,750.00 + 1,787.50 = 5,537.50");
		assertThat(String.join("\n", line.steps())).doesNotContain("remedy");
	}

	@Test
	void twoMeasuresOnTheSameGoodsAddUpAndASafeguardIsOnEveryOrigin() {
		measure(TradeRemedy.Kind.COUNTERVAILING, "商务部公告2025年第99号", "FR", null, "0.05", DAY.minusDays(1), null);
		measure(TradeRemedy.Kind.SAFEGUARD, "商务部公告2026年第1号", null, null, "0.1", DAY, DAY);

		Assessment.Line french = imported("10000", "FR", null, null).lines().get(0);
		Assessment.Line american = imported("10000", "US", null, null).lines().get(0);

		// 34.9 % + 5 % + 10 % = 49.9 % of 10,000.00
		assertThat(french.remedyRate()).isEqualByComparingTo("0.499");
		assertThat(french.remedy()).isEqualByComparingTo("4990.00");
		assertThat(french.steps()).contains("countervailing duty 5% (notice 商务部公告2025年第99号; origin FR; all other producers)",
				"safeguard duty 10% (notice 商务部公告2026年第1号; every origin)");
		assertThat(american.remedy()).isEqualByComparingTo("1000.00");
	}

	@Test
	void aMeasureNotInForceOnTheDayIsNotPaid() {
		measures.clear();
		antiDumping(NOTICE, "FR", null, "0.349", DAY.plusDays(1), null);
		antiDumping("商务部公告2020年第1号", "FR", null, "0.5", LocalDate.of(2020, 1, 1), DAY.minusDays(1));

		assertThat(imported("10000", "FR", null, null).lines().get(0).remedy()).isEqualByComparingTo("0.00");
	}

	@Test
	void aPreferenceLowersTheDutyButNotTheAntiDumpingDuty() {
		Assessment.Line line = imported("10000", "FR", null, "EUX").lines().get(0);

		assertThat(line.rateBasis()).isEqualTo("PREF:EUX");
		assertThat(line.duty()).isEqualByComparingTo("0.00");
		assertThat(line.remedy()).isEqualByComparingTo("3490.00");
	}

	@Test
	void aTradeRemedyDutyOfFiftyOrLessIsCollectedWhereTheDutyExciseAndVatAreNot() {
		// duty 10.00, excise (100.00 + 0.00 + 34.90) ÷ 0.8 × 0.2 = 33.73 and VAT 134.90 × 13 % = 17.54 are 50 or less:
		// not collected; the anti-dumping duty 34.90 is not a tax the rule names
		Assessment a = imported("100", "FR", null, null);

		assertThat(a.lines().get(0).remedy()).isEqualByComparingTo("34.90");
		assertThat(a.waived().duty()).isEqualByComparingTo("10.00");
		assertThat(a.waived().excise()).isEqualByComparingTo("33.73");
		assertThat(a.waived().vat()).isEqualByComparingTo("17.54");
		assertThat(a.totalTaxes()).isEqualByComparingTo("34.90");
	}

	@Test
	void aCorrectionIsAssessedAgainAtTheTradeRemedyRateFirstAppliedAndAnExportPaysNone() {
		Assessment first = imported("10000", "FR", null, null);
		measures.clear();

		Assessment corrected = assessor.reassess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.of("CNY"),
				null, null, null, List.of(new AssessmentRequest.Item(1, HsCode.of(BRANDY), new BigDecimal("20000"),
						CountryCode.of("FR"), null))), BigDecimal.ONE,
				first.lines().stream().map(Assessment.Line::rates).toList());
		Assessment export = assessor.assess(new AssessmentRequest(TradeFlow.EXPORT, "FOB", CurrencyCode.of("CNY"), null,
				null, DAY, List.of(new AssessmentRequest.Item(1, HsCode.of(BRANDY), new BigDecimal("10000"),
						CountryCode.of("FR"), null))));

		assertThat(corrected.lines().get(0).remedy()).isEqualByComparingTo("6980.00");
		assertThat(corrected.lines().get(0).steps())
			.contains("rates as first assessed: MFN duty 10%, trade remedy 34.9%, excise 20%, VAT 13%");
		assertThat(export.lines().get(0).remedy()).isEqualByComparingTo("0.00");
		assertThat(export.totalRemedy()).isEqualByComparingTo("0.00");
	}
}
