package io.singlewindow.statistics.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.singlewindow.statistics.internal.Dashboard.Figure;
import io.singlewindow.statistics.internal.Dashboard.MonthRow;
import io.singlewindow.statistics.internal.Dashboard.Row;
import io.singlewindow.statistics.internal.TradeFigures.Comparison;
import io.singlewindow.statistics.internal.TradeFigures.MonthFlow;

/** Computes dashboards from raw figures: totals per flow, year-on-year growth, shares, the monthly series. */
@Component
class TradeDashboards {

	private final TradeFigures aggregates;

	TradeDashboards(AggregateTradeFigures aggregates) {
		this.aggregates = aggregates;
	}

	/** The dashboard from the maintained aggregates. */
	Dashboard dashboard(Period period, FlowFilter flow) {
		return dashboard(period, flow, aggregates);
	}

	/** The dashboard from {@code figures}: the same computation whatever the source, so that sources can be compared. */
	Dashboard dashboard(Period period, FlowFilter flow, TradeFigures figures) {
		List<Comparison> totals = figures.compare(Dimension.TOTAL, period);
		Dashboard.Headline headline = new Dashboard.Headline(figure(totals, FlowFilter.TOTAL),
				figure(totals, FlowFilter.IMPORT), figure(totals, FlowFilter.EXPORT));
		Map<Dimension, List<Row>> breakdowns = new EnumMap<>(Dimension.class);
		for (Dimension dimension : Dimension.BREAKDOWNS) {
			breakdowns.put(dimension, rows(figures.compare(dimension, period), flow));
		}
		return new Dashboard(period, flow, headline, months(period, flow, figures), breakdowns);
	}

	private static Figure figure(List<Comparison> comparisons, FlowFilter flow) {
		Sums current = Sums.ZERO;
		Sums earlier = Sums.ZERO;
		for (Comparison c : comparisons) {
			if (flow.includes(c.flow())) {
				current = current.plus(c.current());
				earlier = earlier.plus(c.yearEarlier());
			}
		}
		return Figure.of(current, earlier);
	}

	static List<Row> rows(List<Comparison> comparisons, FlowFilter flow) {
		Map<String, Sums[]> byKey = new HashMap<>();
		for (Comparison c : comparisons) {
			if (flow.includes(c.flow())) {
				Sums[] sums = byKey.computeIfAbsent(c.key(), k -> new Sums[] { Sums.ZERO, Sums.ZERO });
				sums[0] = sums[0].plus(c.current());
				sums[1] = sums[1].plus(c.yearEarlier());
			}
		}
		var total = byKey.values().stream().map(s -> s[0].valueCny()).reduce(java.math.BigDecimal.ZERO,
				java.math.BigDecimal::add);
		List<Row> rows = new ArrayList<>();
		byKey.forEach((key, sums) -> rows.add(new Row(key, Figure.of(sums[0], sums[1]),
				Growth.share(sums[0].valueCny(), total))));
		rows.sort(Comparator.comparing((Row r) -> r.figure().current().valueCny()).reversed()
			.thenComparing(r -> r.figure().yearEarlier().valueCny(), Comparator.reverseOrder())
			.thenComparing(Row::key));
		return rows;
	}

	/** January to the period's month of its year, each beside the same month a year earlier. */
	private static List<MonthRow> months(Period period, FlowFilter flow, TradeFigures figures) {
		YearMonth last = period.to();
		YearMonth first = YearMonth.of(last.getYear() - 1, 1);
		Map<YearMonth, Sums> byMonth = new LinkedHashMap<>();
		for (MonthFlow m : figures.monthly(first, last)) {
			if (flow.includes(m.flow())) {
				byMonth.merge(m.month(), m.sums(), Sums::plus);
			}
		}
		List<MonthRow> months = new ArrayList<>();
		for (int month = 1; month <= last.getMonthValue(); month++) {
			YearMonth ym = YearMonth.of(last.getYear(), month);
			months.add(new MonthRow(ym, Figure.of(byMonth.getOrDefault(ym, Sums.ZERO),
					byMonth.getOrDefault(ym.minusYears(1), Sums.ZERO))));
		}
		return months;
	}
}
