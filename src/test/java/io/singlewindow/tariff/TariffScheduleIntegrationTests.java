package io.singlewindow.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.platform.BusinessTime;

@SingleWindowIntegrationTest
class TariffScheduleIntegrationTests {

	@Autowired
	TariffSchedule schedule;
	@Autowired
	ExchangeRates rates;
	@Autowired
	DutyAssessor assessor;
	@Autowired
	BusinessTime time;

	@Test
	void theDemoScheduleIsSeededAndLabelledDemo() {
		TariffLine coffee = schedule.line(HsCode.of("0901110000")).orElseThrow();
		assertThat(coffee.demo()).isTrue();
		assertThat(coffee.mfnRate()).isEqualByComparingTo("0.08");
		assertThat(coffee.vatRate()).isEqualByComparingTo("0.09");
		assertThat(coffee.preferentialRates()).containsOnlyKeys("RCEP", "ACFTA");
		assertThat(coffee.supervisionConditions()).containsExactlyInAnyOrder("A", "B");
		assertThat(coffee.inspectionCategories()).containsExactlyInAnyOrder("P", "Q");
		assertThat(schedule.line(HsCode.of("2204210000")).orElseThrow().exciseRate()).isEqualByComparingTo("0.1");
		assertThat(schedule.line(HsCode.of("8542319000")).orElseThrow().supervisionConditions()).isEmpty();
		assertThat(schedule.line(HsCode.of("0101210000"))).isEmpty();
	}

	@Test
	void demoExchangeRatesCoverThreeYearsTheCurrentMonthAndTheNext() {
		YearMonth now = time.month();
		assertThat(rates.rate(CurrencyCode.USD, now)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("7.1"));
		// A run that goes on past midnight of the month's last day in China still declares in dollars (a fresh-clone
		// run at 16:00 UTC on 30 November found every test after it refused EXCHANGE_RATE_MISSING).
		assertThat(rates.rate(CurrencyCode.USD, now.plusMonths(1))).isPresent();
		assertThat(rates.rate(CurrencyCode.of("JPY"), now.minusYears(3))).hasValueSatisfying(
				r -> assertThat(r).isEqualByComparingTo("0.048"));
		assertThat(rates.rate(CurrencyCode.CNY, now.minusYears(20))).contains(BigDecimal.ONE);
		assertThat(rates.rate(CurrencyCode.USD, now.minusYears(4))).isEmpty();
	}

	@Test
	void assessesAgainstTheStoredScheduleAndAgreementMembership() {
		// 1,000.00 USD CIF × 7.1 = 7,100.00 CNY; roasted coffee, RCEP from JP: 10 % = 710.00;
		// VAT 13 %: (7,100.00 + 710.00) × 0.13 = 1,015.30
		Assessment a = assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.USD, null, null,
				time.today(), List.of(new AssessmentRequest.Item(1, HsCode.of("0901210000"), new BigDecimal("1000"),
						CountryCode.of("JP"), "RCEP"))));
		assertThat(a.lines().get(0).rateBasis()).isEqualTo("PREF:RCEP");
		assertThat(a.totalDuty()).isEqualByComparingTo("710.00");
		assertThat(a.totalVat()).isEqualByComparingTo("1015.30");
		// green coffee with an ACFTA certificate from Japan (not a party to ACFTA) → MFN 8 %: 7,100.00 × 0.08 = 568.00
		Assessment b = assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.USD, null, null,
				LocalDate.from(time.today()), List.of(new AssessmentRequest.Item(1, HsCode.of("0901110000"),
						new BigDecimal("1000"), CountryCode.of("JP"), "ACFTA"))));
		assertThat(b.lines().get(0).rateBasis()).isEqualTo("MFN");
		assertThat(b.totalDuty()).isEqualByComparingTo("568.00");
	}
}
