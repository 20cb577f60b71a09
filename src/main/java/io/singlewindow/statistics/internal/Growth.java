package io.singlewindow.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The percentages of the statistics, rounded to one decimal as the zone publishes them ("33.6 %"). */
final class Growth {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Growth() {
	}

	/**
	 * Year-on-year growth in percent: (current − year earlier) / year earlier × 100.
	 *
	 * @return {@literal null} when there was no trade a year earlier (growth is undefined, not infinite)
	 */
	static BigDecimal yearOnYear(BigDecimal current, BigDecimal yearEarlier) {
		if (yearEarlier == null || yearEarlier.signum() == 0) {
			return null;
		}
		return current.subtract(yearEarlier).multiply(HUNDRED).divide(yearEarlier, 1, RoundingMode.HALF_UP);
	}

	/** {@code part} as a percentage of {@code whole}; {@literal null} when the whole is zero. */
	static BigDecimal share(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
	}
}
