package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
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
 * Provisional import rates (暂定税率): an import at MFN pays the provisional rate while it is in force; one with a
 * preference pays the lower of the two (从低适用). Worked examples in CNY on CIF terms.
 */
class ProvisionalRateUnitTests {

	static final String ROASTED_COFFEE = "0901210000";
	static final String CHICKEN_WINGS = "0207142200";
	static final String TUNGSTEN = "8101940000";
	static final TariffLine.Provisional IN_2026 = new TariffLine.Provisional(new BigDecimal("0.05"), null,
			LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

	final Map<String, TariffLine> schedule = new HashMap<>();
	final LineByLineDutyAssessor assessor = new LineByLineDutyAssessor(code -> Optional.ofNullable(schedule.get(code.value())),
			(currency, month) -> currency.value().equals("CNY") ? Optional.of(BigDecimal.ONE) : Optional.empty(),
			new TradeAgreements() {
				@Override
				public boolean isParty(String agreement, CountryCode country) {
					return Set.of("JP", "VN", "AU").contains(country.value());
				}

				@Override
				public boolean exists(String agreement) {
					return agreement.equals("RCEP");
				}
			}, code -> Optional.ofNullable(code.value().equals(TUNGSTEN) ? new BigDecimal("0.20") : null));

	ProvisionalRateUnitTests() {
		// MFN 15 %, provisional 5 % in 2026; RCEP 10 % from Japan, 0 % (a separate line below) from Viet Nam
		schedule.put(ROASTED_COFFEE, new TariffLine(HsCode.of(ROASTED_COFFEE), "zh", "en", new BigDecimal("0.15"),
				Map.of("RCEP", new BigDecimal("0.10")), null, new BigDecimal("0.13"), Set.of(), Set.of(), true,
				new UnitCode("KGM"), null, null, null, IN_2026));
		// 1.3 CNY a kilogram, provisional 2 % in 2026
		schedule.put(CHICKEN_WINGS, new TariffLine(HsCode.of(CHICKEN_WINGS), "zh", "en", BigDecimal.ZERO, Map.of(),
				null, new BigDecimal("0.09"), Set.of(), Set.of(), true, new UnitCode("KGM"), null, new BigDecimal("1.3"),
				null, new TariffLine.Provisional(new BigDecimal("0.02"), null, LocalDate.of(2026, 1, 1),
						LocalDate.of(2026, 12, 31))));
		// export rate 20 %, provisional export rate 5 % in 2026 and no provisional import rate
		schedule.put(TUNGSTEN, new TariffLine(HsCode.of(TUNGSTEN), "zh", "en", BigDecimal.ZERO, Map.of(), null,
				new BigDecimal("0.13"), Set.of(), Set.of(), true, new UnitCode("KGM"), null, null, null,
				new TariffLine.Provisional(null, new BigDecimal("0.05"), LocalDate.of(2026, 1, 1),
						LocalDate.of(2026, 12, 31))));
	}

	Assessment.Line imported(LocalDate day, String hs, String origin, String agreement) {
		return assessed(TradeFlow.IMPORT, "CIF", day, hs, origin, agreement, new BigDecimal("1000"));
	}

	Assessment.Line exported(LocalDate day) {
		return assessed(TradeFlow.EXPORT, "FOB", day, TUNGSTEN, "CN", null, null);
	}

	/** One line of 10,000.00 CNY. */
	Assessment.Line assessed(TradeFlow flow, String incoterm, LocalDate day, String hs, String origin, String agreement,
			BigDecimal quantity) {
		return assessor.assess(new AssessmentRequest(flow, incoterm, CurrencyCode.of("CNY"), null, null, day,
				List.of(new AssessmentRequest.Item(1, HsCode.of(hs), new BigDecimal("10000"), CountryCode.of(origin),
						agreement, quantity)))).lines().get(0);
	}

	@Test
	void anImportAtMfnPaysTheProvisionalRateOnlyWhileItIsInForce() {
		// 10,000.00 × 5 % = 500.00 on the last day of 2026; 10,000.00 × 15 % = 1,500.00 on the first of 2027 and
		// on the last of 2025
		Assessment.Line lastDay = imported(LocalDate.of(2026, 12, 31), ROASTED_COFFEE, "BR", null);
		Assessment.Line nextYear = imported(LocalDate.of(2027, 1, 1), ROASTED_COFFEE, "BR", null);
		Assessment.Line yearBefore = imported(LocalDate.of(2025, 12, 31), ROASTED_COFFEE, "BR", null);

		assertThat(lastDay.rateBasis()).isEqualTo("PROVISIONAL");
		assertThat(lastDay.duty()).isEqualByComparingTo("500.00");
		assertThat(lastDay.steps())
			.contains("provisional rate 5% in force 2026-01-01 to 2026-12-31 instead of MFN 15%");
		assertThat(nextYear.rateBasis()).isEqualTo("MFN");
		assertThat(nextYear.duty()).isEqualByComparingTo("1500.00");
		assertThat(yearBefore.duty()).isEqualByComparingTo("1500.00");
	}

	@Test
	void aPreferenceIsGivenOnlyWhenLowerThanTheProvisionalRate() {
		// RCEP 10 % from Japan against provisional 5 %: the provisional rate, 500.00
		Assessment.Line japan = imported(LocalDate.of(2026, 6, 1), ROASTED_COFFEE, "JP", "RCEP");
		// RCEP 3 % against 5 %: RCEP, 300.00
		schedule.put(ROASTED_COFFEE, new TariffLine(HsCode.of(ROASTED_COFFEE), "zh", "en", new BigDecimal("0.15"),
				Map.of("RCEP", new BigDecimal("0.03")), null, new BigDecimal("0.13"), Set.of(), Set.of(), true,
				new UnitCode("KGM"), null, null, null, IN_2026));
		Assessment.Line lower = imported(LocalDate.of(2026, 6, 1), ROASTED_COFFEE, "JP", "RCEP");

		assertThat(japan.rateBasis()).isEqualTo("PROVISIONAL");
		assertThat(japan.duty()).isEqualByComparingTo("500.00");
		assertThat(japan.steps()).contains("RCEP rate 10% is not below provisional rate → provisional rate 5%");
		assertThat(lower.rateBasis()).isEqualTo("PREF:RCEP");
		assertThat(lower.duty()).isEqualByComparingTo("300.00");
		assertThat(lower.steps())
			.contains("RCEP certificate of origin, origin JP is a party → RCEP rate 3% instead of provisional rate 5%");
	}

	@Test
	void aProvisionalRateReplacesADutyLeviedByTheKilogram() {
		// 10,000.00 × 2 % = 200.00 instead of 1,000 KGM × 1.3 = 1,300.00
		Assessment.Line wings = imported(LocalDate.of(2026, 6, 1), CHICKEN_WINGS, "BR", null);

		assertThat(wings.duty()).isEqualByComparingTo("200.00");
		assertThat(wings.perUnit()).isNull();
		assertThat(wings.steps())
			.contains("provisional rate 2% in force 2026-01-01 to 2026-12-31 instead of MFN 1.3 CNY/KGM");
	}

	@Test
	void anExportPaysTheProvisionalExportRateWhileItIsInForceAndAnImportOfTheSameLineItsMfnRate() {
		// 10,000.00 × 5 % = 500.00 in 2026, × 20 % = 2,000.00 in 2027; imported, MFN 0 % (no provisional import rate)
		Assessment.Line in2026 = exported(LocalDate.of(2026, 6, 1));
		Assessment.Line in2027 = exported(LocalDate.of(2027, 1, 1));
		Assessment.Line imported = imported(LocalDate.of(2026, 6, 1), TUNGSTEN, "AU", null);

		assertThat(in2026.rateBasis()).isEqualTo("EXPORT_PROVISIONAL");
		assertThat(in2026.duty()).isEqualByComparingTo("500.00");
		assertThat(in2026.steps())
			.contains("provisional export rate 5% in force 2026-01-01 to 2026-12-31 instead of 20%");
		assertThat(in2027.rateBasis()).isEqualTo("EXPORT");
		assertThat(in2027.duty()).isEqualByComparingTo("2000.00");
		assertThat(imported.rateBasis()).isEqualTo("MFN");
		assertThat(imported.duty()).isEqualByComparingTo("0");
	}
}
