package io.singlewindow.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.platform.BusinessTime;

/** The assessor against the demo schedule and demo exchange rates in PostgreSQL. */
@SingleWindowIntegrationTest
class DutyAssessorIntegrationTests {

	@Autowired
	DutyAssessor assessor;

	@Autowired
	TariffSchedule schedule;

	@Autowired
	BusinessTime time;

	static AssessmentRequest.Item item(int line, String hs, String value, String origin, String agreement) {
		return new AssessmentRequest.Item(line, HsCode.of(hs), new BigDecimal(value), CountryCode.of(origin), agreement);
	}

	@Test
	void greenCoffeeFromVietnamUnderRcepPaysNoDutyButVat() {
		// FOB 10,000.00 USD + freight 500.00 + deemed insurance 31.50 = CIF 10,531.50 USD × 7.1 = 74,773.65 CNY
		// RCEP rate 0 % → duty 0.00; VAT 9 % → 6,729.6285 → 6,729.63
		Assessment a = assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "FOB", CurrencyCode.USD,
				new BigDecimal("500.00"), null, time.today(), List.of(item(1, "0901110000", "10000.00", "VN", "RCEP"))));
		Assessment.Line line = a.lines().getFirst();
		assertThat(line.customsValueCny()).isEqualByComparingTo("74773.65");
		assertThat(line.rateBasis()).isEqualTo("PREF:RCEP");
		assertThat(line.duty()).isEqualByComparingTo("0.00");
		assertThat(line.vat()).isEqualByComparingTo("6729.63");
		assertThat(a.totalTaxes()).isEqualByComparingTo("6729.63");
	}

	@Test
	void aCertificateFromANonPartyLeavesTheMfnRate() {
		// Brazil is no RCEP party: MFN 8 % on 71,000.00 CNY (CIF 10,000.00 USD × 7.1) = 5,680.00
		Assessment a = assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.USD, null, null,
				time.today(), List.of(item(1, "0901110000", "10000.00", "BR", "RCEP"))));
		Assessment.Line line = a.lines().getFirst();
		assertThat(line.rateBasis()).isEqualTo("MFN");
		assertThat(line.duty()).isEqualByComparingTo("5680.00");
		assertThat(line.steps()).anyMatch(s -> s.contains("not a party to RCEP"));
	}

	@Test
	void reportsEveryUnknownLineAndAMissingRateAtOnce() {
		assertThatThrownBy(() -> assessor.assess(new AssessmentRequest(TradeFlow.IMPORT, "CIF", CurrencyCode.of("XAU"),
				null, null, LocalDate.of(2001, 1, 1),
				List.of(item(1, "0101210000", "1", "VN", null), item(2, "0901110000", "1", "VN", null),
						item(3, "9999999999", "1", "VN", null)))))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).fieldProblems()).extracting(p -> p.field() + ":" + p.code())
				.containsExactlyInAnyOrder("items[0].hsCode:TARIFF_LINE_UNKNOWN", "items[2].hsCode:TARIFF_LINE_UNKNOWN",
						"currency:EXCHANGE_RATE_MISSING"));
	}

	@Test
	void theScheduleCarriesWhatRoutingNeeds() {
		TariffLine laptops = schedule.line(HsCode.of("8471300000")).orElseThrow();
		assertThat(laptops.supervisionConditions()).containsExactlyInAnyOrder("7", "A");
		assertThat(laptops.inspectionCategories()).containsExactly("L");
		assertThat(laptops.demo()).isTrue();
		assertThat(schedule.line(HsCode.of("847130"))).isEmpty();
	}
}
