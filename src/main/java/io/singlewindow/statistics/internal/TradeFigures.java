package io.singlewindow.statistics.internal;

import java.time.YearMonth;
import java.util.List;

import io.singlewindow.core.TradeFlow;

/**
 * The raw figures the dashboard is computed from. Two sources answer alike: the maintained aggregates (what the
 * dashboard reads) and a plain GROUP BY over every fact row (what a rebuild, the tests and the benchmark compare with).
 */
interface TradeFigures {

	/** Per flow and key of {@code dimension}: the sums over {@code period} and over the same months a year earlier. */
	List<Comparison> compare(Dimension dimension, Period period);

	/** Per month and flow, from {@code from} to {@code to} inclusive; months without trade are absent. */
	List<MonthFlow> monthly(YearMonth from, YearMonth to);

	record Comparison(TradeFlow flow, String key, Sums current, Sums yearEarlier) {
	}

	record MonthFlow(YearMonth month, TradeFlow flow, Sums sums) {
	}
}
