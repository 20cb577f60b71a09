package io.singlewindow.statistics.internal;

import java.math.BigDecimal;

/**
 * Trade value and counts of a set of declaration lines.
 *
 * @param declarations the declarations with at least one line in the set
 */
public record Sums(BigDecimal valueCny, BigDecimal valueUsd, long declarations, long lines) {

	static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

	public Sums {
		valueCny = valueCny == null ? BigDecimal.ZERO : valueCny;
		valueUsd = valueUsd == null ? BigDecimal.ZERO : valueUsd;
	}

	/** Sums of disjoint sets, e.g. imports and exports: a declaration has one flow, so counts add up. */
	Sums plus(Sums other) {
		return new Sums(valueCny.add(other.valueCny), valueUsd.add(other.valueUsd), declarations + other.declarations,
				lines + other.lines);
	}
}
