package io.singlewindow.statistics.internal;

import java.time.YearMonth;
import java.util.Locale;

import io.singlewindow.core.Violations;
import io.singlewindow.platform.BusinessTime;

/**
 * The filters of the dashboard as a request carries them, checked all at once. Missing values default to the year to
 * date of the current month, total trade.
 */
record DashboardQuery(Period period, FlowFilter flow) {

	static final int FIRST_YEAR = 2000;

	/** @throws io.singlewindow.core.Problem 422 {@code INVALID_INPUT} with every bad filter */
	static DashboardQuery parse(Integer year, Integer month, String period, String flow, BusinessTime time) {
		YearMonth now = time.month();
		int y = year == null ? now.getYear() : year;
		int m = month == null ? (year == null || year == now.getYear() ? now.getMonthValue() : 12) : month;
		Violations violations = new Violations();
		violations.check(y >= FIRST_YEAR && y <= now.getYear(), "year", "STATISTICS_YEAR_OUT_OF_RANGE", y,
				FIRST_YEAR, now.getYear());
		violations.check(m >= 1 && m <= 12, "month", "STATISTICS_MONTH_INVALID", m);
		String p = period == null || period.isBlank() ? "ytd" : period.strip().toLowerCase(Locale.ROOT);
		violations.check(p.equals("ytd") || p.equals("month"), "period", "STATISTICS_PERIOD_INVALID", p);
		FlowFilter f = FlowFilter.TOTAL;
		if (flow != null && !flow.isBlank()) {
			try {
				f = FlowFilter.valueOf(flow.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				violations.add("flow", "STATISTICS_FLOW_INVALID", flow);
			}
		}
		violations.throwIfAny();
		return new DashboardQuery(new Period(YearMonth.of(y, m), p.equals("ytd")), f);
	}

	/** The query string that reproduces these filters, for links to exports. */
	String queryString() {
		return "year=" + period.to().getYear() + "&month=" + period.to().getMonthValue() + "&period="
				+ (period.yearToDate() ? "ytd" : "month") + "&flow=" + flow.name();
	}
}
