package io.singlewindow.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.platform.BusinessTime;

class SyntheticDeclarationsUnitTests {

	static final Instant NOW = Instant.parse("2026-06-15T04:00:00Z");

	final SyntheticDeclarations generator = new SyntheticDeclarations(null,
			new BusinessTime(Clock.fixed(NOW, BusinessTime.ZONE)));

	List<StatisticalDeclaration> month(int year, int month) {
		return generator.month(YearMonth.of(year, month), 5000, 7, YearMonth.of(2026, 6), NOW);
	}

	@Test
	void declarationsAreClearlySyntheticAndLieInTheirMonth() {
		List<StatisticalDeclaration> march = month(2025, 3);
		assertThat(march).allSatisfy(d -> {
			assertThat(d.synthetic()).isTrue();
			assertThat(d.declarationNumber()).startsWith("SYN-202503-");
			assertThat(YearMonth.from(d.clearedAt().atZone(BusinessTime.ZONE))).isEqualTo(YearMonth.of(2025, 3));
			assertThat(Uscc.parse(d.declarant()).hasValidCheckCharacter()).isTrue();
			assertThat(d.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
		});
	}

	@Test
	void theSameSeedGivesTheSameDeclarations() {
		assertThat(month(2025, 3)).isEqualTo(month(2025, 3));
		assertThat(generator.month(YearMonth.of(2025, 3), 5000, 8, YearMonth.of(2026, 6), NOW))
			.isNotEqualTo(month(2025, 3));
	}

	@Test
	void chineseNewYearDipsAndTradeGrowsYearOnYear() {
		assertThat(month(2025, 2).size()).isLessThan((int) (month(2025, 3).size() * 0.8));
		assertThat(month(2025, 5).size()).isGreaterThan(month(2024, 5).size());
	}

	@Test
	void theCurrentMonthOnlyReachesNow() {
		List<StatisticalDeclaration> june = month(2026, 6);
		assertThat(june.size()).isBetween(2000, 3000); // half a month
		assertThat(june).allSatisfy(d -> assertThat(d.clearedAt()).isBefore(NOW));
	}

	@Test
	void theMixResemblesAXiamenLikeZone() {
		List<StatisticalDeclaration> year = java.util.stream.IntStream.rangeClosed(1, 12)
			.mapToObj(m -> month(2025, m)).flatMap(List::stream).toList();
		Map<String, BigDecimal> byChapter = year.stream().flatMap(d -> d.lines().stream())
			.collect(Collectors.groupingBy(l -> l.hsCode().substring(0, 2),
					Collectors.reducing(BigDecimal.ZERO, StatisticalDeclaration.Line::valueCny, BigDecimal::add)));
		BigDecimal total = byChapter.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal electronics = byChapter.get("84").add(byChapter.get("85"));
		assertThat(electronics.divide(total, 2, RoundingMode.HALF_UP)).isBetween(new BigDecimal("0.20"),
				new BigDecimal("0.50"));
		assertThat(byChapter).containsKeys("03", "09", "22", "26", "30", "39", "61", "64", "72", "81");

		Map<TradeFlow, Long> flows = year.stream().collect(Collectors.groupingBy(StatisticalDeclaration::flow,
				Collectors.counting()));
		assertThat(flows.get(TradeFlow.EXPORT)).isGreaterThan(flows.get(TradeFlow.IMPORT));

		Map<String, Long> modes = year.stream().collect(Collectors.groupingBy(StatisticalDeclaration::tradeMode,
				Collectors.counting()));
		assertThat(modes).containsKeys("0110", "0615", "1210", "9610", "9710");
		assertThat(modes.get("0110")).isGreaterThan(year.size() / 3L);

		Map<String, Long> partners = year.stream().collect(Collectors.groupingBy(StatisticalDeclaration::partner,
				Collectors.counting()));
		assertThat(partners).containsKeys("US", "JP", "KR", "TW", "HK", "SG", "MY", "VN", "DE", "NL", "AU", "BR");

		double highTech = year.stream().filter(StatisticalDeclaration::highTech).count() / (double) year.size();
		assertThat(highTech).isBetween(0.2, 0.6);
	}

	@Test
	void dollarsAreTheYuanAtTheMonthsRate() {
		BigDecimal rate = SyntheticDeclarations.usdRate(YearMonth.of(2025, 3));
		assertThat(rate).isBetween(new BigDecimal("6.9"), new BigDecimal("7.3"));
		StatisticalDeclaration.Line line = month(2025, 3).getFirst().lines().getFirst();
		assertThat(line.valueUsd()).isEqualByComparingTo(line.valueCny().divide(rate, 2, RoundingMode.HALF_UP));
		assertThat(month(2025, 3).stream().map(StatisticalDeclaration::declarationId).distinct().count())
			.isEqualTo(month(2025, 3).size());
		Function<StatisticalDeclaration, String> number = StatisticalDeclaration::declarationNumber;
		assertThat(month(2025, 3).stream().map(number).distinct().count()).isEqualTo(month(2025, 3).size());
	}
}
