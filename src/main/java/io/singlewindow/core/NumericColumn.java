package io.singlewindow.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A decimal column {@code NUMERIC(precision, scale)}: what fits in it and what it stores. A value is taken as the
 * column will keep it, rounded half-up to {@code scale} decimals, so that what is checked (e.g. "must be positive"),
 * computed and stored is one and the same number.
 *
 * @param precision total digits
 * @param scale digits after the decimal point
 */
public record NumericColumn(int precision, int scale) {

	/** Whether the column stores {@code value} without losing its integer part. */
	public boolean holds(BigDecimal value) {
		try {
			fit(value);
			return true;
		} catch (InvalidValue e) {
			return false;
		}
	}

	/**
	 * @return {@code value} rounded to the column's scale
	 * @throws InvalidValue {@code TOO_LARGE} when its integer part has more digits than the column holds
	 */
	public BigDecimal fit(BigDecimal value) {
		// Decide on the magnitude first: setScale on 1e-999999999 or 1e999999999 would be a denial of service.
		long integerDigits = (long) value.precision() - value.scale();
		if (value.signum() != 0 && integerDigits > precision - scale) {
			throw InvalidValue.tooLarge(value.toString(), largest());
		}
		if (value.signum() == 0 || integerDigits < -scale - 1) {
			// Far below half the column's last digit: rounds to zero.
			return BigDecimal.ZERO.setScale(scale);
		}
		BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
		if (rounded.precision() - rounded.scale() > precision - scale) {
			// 99…9.995 rounds up into one more digit.
			throw InvalidValue.tooLarge(value.toString(), largest());
		}
		return rounded;
	}

	/** The smallest positive value the column holds, 0.01 at two decimals: where a positive value starts. */
	public BigDecimal smallest() {
		return BigDecimal.ONE.scaleByPowerOfTen(-scale);
	}

	/** The largest value the column holds, 99…9.99: what a refusal of {@code TOO_LARGE} tells. */
	public BigDecimal largest() {
		return BigDecimal.ONE.scaleByPowerOfTen(precision - scale).subtract(BigDecimal.ONE.scaleByPowerOfTen(-scale));
	}

	/**
	 * {@code value} as an error message quotes it: plain digits, unless that would take more than 40 zeros around
	 * what was typed. {@code toPlainString()} of {@code 1e999999999} is a billion characters; building it for the
	 * message ran a permit application out of memory (a 500, found by the fuzz suite).
	 */
	public static String quoted(BigDecimal value) {
		return Math.abs(value.scale()) <= 40 ? value.toPlainString() : value.toString();
	}
}
