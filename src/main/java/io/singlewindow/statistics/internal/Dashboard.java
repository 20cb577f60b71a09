package io.singlewindow.statistics.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the statistics dashboard shows for a period and a flow: the headline figures, the monthly series and one
 * table per breakdown.
 */
public record Dashboard(Period period, FlowFilter flow, Headline headline, List<MonthRow> months,
		Map<Dimension, List<Row>> breakdowns) {

	/** A value now and a year earlier, with the growth; {@code growth} is {@literal null} without a year-earlier value. */
	public record Figure(Sums current, Sums yearEarlier, BigDecimal growth) {

		static Figure of(Sums current, Sums yearEarlier) {
			return new Figure(current, yearEarlier, Growth.yearOnYear(current.valueCny(), yearEarlier.valueCny()));
		}
	}

	public record Headline(Figure total, Figure imports, Figure exports) {
	}

	/** One month of the selected year for the selected flow, beside the same month a year earlier. */
	public record MonthRow(YearMonth month, Figure figure) {
	}

	/**
	 * One key of a breakdown.
	 *
	 * @param share percentage of the breakdown's current total
	 */
	public record Row(String key, Figure figure, BigDecimal share) {
	}
}
