package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The zone's running aggregate of declared unit values (CNY per unit) for one HS code and unit of measure.
 *
 * @param observations how many unit values were added
 * @param sum their sum
 * @param sumOfSquares the sum of their squares (for the standard deviation)
 */
public record PriceHistory(long observations, BigDecimal sum, BigDecimal sumOfSquares) {

	static final PriceHistory EMPTY = new PriceHistory(0, BigDecimal.ZERO, BigDecimal.ZERO);

	public BigDecimal mean() {
		return observations == 0 ? BigDecimal.ZERO
				: sum.divide(BigDecimal.valueOf(observations), 6, RoundingMode.HALF_EVEN);
	}

	/** Population standard deviation. */
	public BigDecimal standardDeviation() {
		if (observations == 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal n = BigDecimal.valueOf(observations);
		BigDecimal mean = sum.divide(n, MathContext.DECIMAL64);
		BigDecimal variance = sumOfSquares.divide(n, MathContext.DECIMAL64).subtract(mean.multiply(mean));
		return variance.signum() <= 0 ? BigDecimal.ZERO
				: variance.sqrt(MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_EVEN);
	}

	/**
	 * How far {@code unitValue} is from the mean, in percent of the mean; {@literal null} when the history has fewer
	 * than {@code minObservations} or a zero mean (it cannot judge).
	 */
	public BigDecimal deviationPercent(BigDecimal unitValue, int minObservations) {
		if (observations < Math.max(1, minObservations)) {
			return null;
		}
		BigDecimal mean = sum.divide(BigDecimal.valueOf(observations), MathContext.DECIMAL64);
		if (mean.signum() <= 0) {
			return null;
		}
		return unitValue.subtract(mean).abs().multiply(BigDecimal.valueOf(100)).divide(mean, 2, RoundingMode.HALF_UP);
	}

	PriceHistory plus(BigDecimal unitValue) {
		return new PriceHistory(observations + 1, sum.add(unitValue), sumOfSquares.add(unitValue.multiply(unitValue)));
	}
}
