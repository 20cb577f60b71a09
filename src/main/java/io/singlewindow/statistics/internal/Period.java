package io.singlewindow.statistics.internal;

import java.time.YearMonth;

/**
 * The months a figure covers: one month, or the year to date (January to that month).
 *
 * @param yearToDate {@literal true} for January to {@code month}, {@literal false} for {@code month} alone
 */
public record Period(YearMonth month, boolean yearToDate) {

	YearMonth from() {
		return yearToDate ? YearMonth.of(month.getYear(), 1) : month;
	}

	YearMonth to() {
		return month;
	}

	/** The same months one year earlier: what year-on-year growth compares with. */
	Period yearEarlier() {
		return new Period(month.minusYears(1), yearToDate);
	}

	int monthCount() {
		return to().getMonthValue() - from().getMonthValue() + 1;
	}
}
