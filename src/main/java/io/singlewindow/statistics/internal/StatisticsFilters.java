package io.singlewindow.statistics.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import io.singlewindow.platform.BusinessTime;

/** The dashboard's filters as request parameters, before they are checked. */
record StatisticsFilters(@Schema(description = "default: the current year") Integer year,
		@Schema(description = "1–12; default: the current month (December for past years)") Integer month,
		@Schema(description = "ytd (January to month, default) or month") String period,
		@Schema(description = "TOTAL (default), IMPORT or EXPORT") String flow) {

	/** @throws io.singlewindow.core.Problem 422 {@code INVALID_INPUT} with every bad filter */
	DashboardQuery query(BusinessTime time) {
		return DashboardQuery.parse(year, month, period, flow, time);
	}
}
