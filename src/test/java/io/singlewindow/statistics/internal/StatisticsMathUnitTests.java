package io.singlewindow.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.statistics.internal.TradeFigures.Comparison;

class StatisticsMathUnitTests {

	@Test
	void yearOnYearGrowthIsRoundedToOneDecimalLikeTheZonesPressReleases() {
		// 120.24 billion after 90.00 billion a year earlier: "expanded 33.6 %"
		assertThat(Growth.yearOnYear(new BigDecimal("120240000000"), new BigDecimal("90000000000")))
			.isEqualByComparingTo("33.6");
		assertThat(Growth.yearOnYear(new BigDecimal("80"), new BigDecimal("100"))).isEqualByComparingTo("-20.0");
		assertThat(Growth.yearOnYear(new BigDecimal("100.05"), new BigDecimal("100"))).isEqualByComparingTo("0.1");
		assertThat(Growth.yearOnYear(new BigDecimal("100.04"), new BigDecimal("100"))).isEqualByComparingTo("0.0");
	}

	@Test
	void growthIsUndefinedWithoutTradeAYearEarlier() {
		assertThat(Growth.yearOnYear(new BigDecimal("5"), BigDecimal.ZERO)).isNull();
		assertThat(Growth.yearOnYear(new BigDecimal("5"), new BigDecimal("0.00"))).isNull();
		assertThat(Growth.share(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
		assertThat(Growth.share(new BigDecimal("1"), new BigDecimal("3"))).isEqualByComparingTo("33.3");
	}

	@Test
	void yearToDateRunsFromJanuaryToTheSelectedMonthAndComparesWithTheSameMonthsAYearEarlier() {
		Period ytd = new Period(YearMonth.of(2026, 2), true);
		assertThat(ytd.from()).isEqualTo(YearMonth.of(2026, 1));
		assertThat(ytd.to()).isEqualTo(YearMonth.of(2026, 2));
		assertThat(ytd.monthCount()).isEqualTo(2);
		assertThat(ytd.yearEarlier()).isEqualTo(new Period(YearMonth.of(2025, 2), true));

		Period march = new Period(YearMonth.of(2026, 3), false);
		assertThat(march.from()).isEqualTo(march.to()).isEqualTo(YearMonth.of(2026, 3));
		assertThat(march.yearEarlier().from()).isEqualTo(YearMonth.of(2025, 3));
	}

	@Test
	void totalTradeAddsImportsAndExportsPerKeyAndSortsByValue() {
		List<Comparison> figures = List.of(
				new Comparison(TradeFlow.IMPORT, "US", sums("100"), sums("50")),
				new Comparison(TradeFlow.EXPORT, "US", sums("200"), sums("100")),
				new Comparison(TradeFlow.EXPORT, "JP", sums("700"), sums("0")));

		List<Dashboard.Row> total = TradeDashboards.rows(figures, FlowFilter.TOTAL);
		assertThat(total).extracting(Dashboard.Row::key).containsExactly("JP", "US");
		assertThat(total.get(1).figure().current().valueCny()).isEqualByComparingTo("300");
		assertThat(total.get(1).figure().growth()).isEqualByComparingTo("100.0");
		assertThat(total.get(1).share()).isEqualByComparingTo("30.0");
		assertThat(total.get(0).figure().growth()).isNull();

		List<Dashboard.Row> imports = TradeDashboards.rows(figures, FlowFilter.IMPORT);
		assertThat(imports).extracting(Dashboard.Row::key).containsExactly("US");
		assertThat(imports.get(0).share()).isEqualByComparingTo("100.0");
	}

	@Test
	void everyChapterFallsInItsWcoSection() {
		assertThat(HsSections.of("01")).isEqualTo("I");
		assertThat(HsSections.of("09")).isEqualTo("II");
		assertThat(HsSections.of("22")).isEqualTo("IV");
		assertThat(HsSections.of("26")).isEqualTo("V");
		assertThat(HsSections.of("30")).isEqualTo("VI");
		assertThat(HsSections.of("39")).isEqualTo("VII");
		assertThat(HsSections.of("64")).isEqualTo("XII");
		assertThat(HsSections.of("71")).isEqualTo("XIV");
		assertThat(HsSections.of("72")).isEqualTo("XV");
		assertThat(HsSections.of("81")).isEqualTo("XV");
		assertThat(HsSections.of("84")).isEqualTo("XVI");
		assertThat(HsSections.of("85")).isEqualTo("XVI");
		assertThat(HsSections.of("89")).isEqualTo("XVII");
		assertThat(HsSections.of("90")).isEqualTo("XVIII");
		assertThat(HsSections.of("97")).isEqualTo("XXI");
	}

	@Test
	void csvCellsAreQuotedWhereTheyWouldBreakARowOrRunAsAFormula() {
		assertThat(TableExports.csvCell("美国 (US)")).isEqualTo("美国 (US)");
		assertThat(TableExports.csvCell("Machinery, electrical")).isEqualTo("\"Machinery, electrical\"");
		assertThat(TableExports.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(TableExports.csvCell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
		// OWASP's CSV-injection list: spreadsheets may skip a leading tab or carriage return and run what follows.
		assertThat(TableExports.csvCell("\t=HYPERLINK(1)")).isEqualTo("\"'\t=HYPERLINK(1)\"");
		assertThat(TableExports.csvCell("\r@SUM(A1)")).isEqualTo("\"'\r@SUM(A1)\"");
		assertThat(TableExports.csvCell(new BigDecimal("-12.5"))).isEqualTo("-12.5");
		assertThat(TableExports.csvCell(null)).isEmpty();
	}

	private static Sums sums(String cny) {
		return new Sums(new BigDecimal(cny), new BigDecimal(cny), 1, 1);
	}
}
