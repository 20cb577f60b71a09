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
 * Tariff-rate quotas (关税配额): wheat imported under a tariff-quota certificate pays the in-quota rate, any other wheat
 * the MFN rate, which is the out-of-quota rate; a provisional rate in force is paid within the quota only when lower
 * (从低适用), a preference when lower than what it would replace. Worked examples in CNY on CIF terms, one line of
 * 10,000.00.
 */
class TariffQuotaRateUnitTests {

	static final String WHEAT = "1001990000";
	static final String ROASTED_COFFEE = "0901210000";
	static final LocalDate DAY = LocalDate.of(2026, 6, 1);

	final Map<String, TariffLine> schedule = new HashMap<>();
	final LineByLineDutyAssessor assessor = new LineByLineDutyAssessor(
			code -> Optional.ofNullable(schedule.get(code.value())),
			(currency, month) -> currency.value().equals("CNY") ? Optional.of(BigDecimal.ONE) : Optional.empty(),
			new TradeAgreements() {
				@Override
				public boolean isParty(String agreement, CountryCode country) {
					return Set.of("AU", "NZ").contains(country.value());
				}

				@Override
				public boolean exists(String agreement) {
					return agreement.equals("ChAFTA");
				}
			}, code -> Optional.empty());

	TariffQuotaRateUnitTests() {
		// out of quota 65 %, in quota 1 %; no provisional rate
		wheat(Map.of(), null);
		// no quota on roasted coffee: MFN 15 %
		schedule.put(ROASTED_COFFEE, new TariffLine(HsCode.of(ROASTED_COFFEE), "zh", "en", new BigDecimal("0.15"),
				Map.of(), null, new BigDecimal("0.13"), Set.of(), Set.of(), true, new UnitCode("KGM"), null));
	}

	void wheat(Map<String, BigDecimal> preferences, TariffLine.Provisional provisional) {
		schedule.put(WHEAT, new TariffLine(HsCode.of(WHEAT), "其他小麦", "Other wheat", new BigDecimal("0.65"), preferences,
				null, new BigDecimal("0.09"), Set.of(), Set.of(), true, new UnitCode("KGM"), null, null, null,
				provisional, new BigDecimal("0.01")));
	}

	Assessment.Line imported(String hs, String origin, String agreement, boolean inQuota) {
		return assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.of("CNY"), null, null, DAY,
				List.of(new AssessmentRequest.Item(1, HsCode.of(hs), new BigDecimal("10000"), CountryCode.of(origin),
						agreement, new BigDecimal("20000"), inQuota)))).lines().get(0);
	}

	@Test
	void wheatWithItsCertificatePaysTheInQuotaRateAndWithoutItTheOutOfQuotaRate() {
		// 10,000.00 × 1 % = 100.00 within the quota; 10,000.00 × 65 % = 6,500.00 without a certificate
		Assessment.Line inQuota = imported(WHEAT, "CA", null, true);
		Assessment.Line outOfQuota = imported(WHEAT, "CA", null, false);

		assertThat(inQuota.rateBasis()).isEqualTo("IN_QUOTA");
		assertThat(inQuota.dutyRate()).isEqualByComparingTo("0.01");
		assertThat(inQuota.duty()).isEqualByComparingTo("100.00");
		assertThat(inQuota.steps())
			.contains("tariff-quota certificate presented → in-quota rate 1% instead of out-of-quota MFN 65%");
		// VAT on value and duty: (10,000.00 + 100.00) × 9 % = 909.00
		assertThat(inQuota.vat()).isEqualByComparingTo("909.00");
		assertThat(outOfQuota.rateBasis()).isEqualTo("MFN");
		assertThat(outOfQuota.duty()).isEqualByComparingTo("6500.00");
	}

	@Test
	void aLineWithoutAQuotaPaysMfnWhateverTheCallerSays() {
		Assessment.Line coffee = imported(ROASTED_COFFEE, "BR", null, true);

		assertThat(coffee.rateBasis()).isEqualTo("MFN");
		assertThat(coffee.duty()).isEqualByComparingTo("1500.00");
	}

	@Test
	void withinTheQuotaAProvisionalRateIsPaidOnlyWhenLower() {
		// provisional 0.8 % below the in-quota 1 %: 80.00
		wheat(Map.of(), new TariffLine.Provisional(new BigDecimal("0.008"), null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31)));
		Assessment.Line lower = imported(WHEAT, "CA", null, true);
		// provisional 3 %, not below 1 %: the in-quota rate within the quota, the provisional rate outside it
		wheat(Map.of(), new TariffLine.Provisional(new BigDecimal("0.03"), null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31)));
		Assessment.Line higher = imported(WHEAT, "CA", null, true);
		Assessment.Line outside = imported(WHEAT, "CA", null, false);

		assertThat(lower.rateBasis()).isEqualTo("PROVISIONAL");
		assertThat(lower.duty()).isEqualByComparingTo("80.00");
		assertThat(lower.steps())
			.contains("provisional rate 0.8% in force 2026-01-01 to 2026-12-31 instead of in-quota rate 1%");
		assertThat(higher.rateBasis()).isEqualTo("IN_QUOTA");
		assertThat(higher.duty()).isEqualByComparingTo("100.00");
		assertThat(outside.rateBasis()).isEqualTo("PROVISIONAL");
		assertThat(outside.duty()).isEqualByComparingTo("300.00");
	}

	@Test
	void aPreferenceIsGivenWithinTheQuotaOnlyWhenLowerThanTheInQuotaRate() {
		// ChAFTA 2 % from Australia: not below 1 % within the quota (100.00), below 65 % outside it (200.00)
		wheat(Map.of("ChAFTA", new BigDecimal("0.02")), null);
		Assessment.Line inQuota = imported(WHEAT, "AU", "ChAFTA", true);
		Assessment.Line outOfQuota = imported(WHEAT, "AU", "ChAFTA", false);
		// ChAFTA 0 %: below the in-quota rate too
		wheat(Map.of("ChAFTA", BigDecimal.ZERO), null);
		Assessment.Line free = imported(WHEAT, "AU", "ChAFTA", true);

		assertThat(inQuota.rateBasis()).isEqualTo("IN_QUOTA");
		assertThat(inQuota.duty()).isEqualByComparingTo("100.00");
		assertThat(inQuota.steps()).contains("ChAFTA rate 2% is not below in-quota rate → in-quota rate 1%");
		assertThat(outOfQuota.rateBasis()).isEqualTo("PREF:ChAFTA");
		assertThat(outOfQuota.duty()).isEqualByComparingTo("200.00");
		assertThat(free.rateBasis()).isEqualTo("PREF:ChAFTA");
		assertThat(free.duty()).isEqualByComparingTo("0.00");
		assertThat(free.steps())
			.contains("ChAFTA certificate of origin, origin AU is a party → ChAFTA rate 0% instead of in-quota rate 1%");
	}
}
