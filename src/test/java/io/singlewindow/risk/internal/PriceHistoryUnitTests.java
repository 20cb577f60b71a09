package io.singlewindow.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.singlewindow.risk.internal.RiskEvaluation.PriceKey;

/** The zone's running price aggregate, one unit value at a time. */
class PriceHistoryUnitTests {

	@Test
	void eachUnitValueAddsOneObservationItsValueAndItsSquare() {
		PriceHistory history = PriceHistory.EMPTY.plus(new BigDecimal("3")).plus(new BigDecimal("5"));

		assertThat(history.observations()).isEqualTo(2);
		assertThat(history.sum()).isEqualByComparingTo("8");
		assertThat(history.sumOfSquares()).isEqualByComparingTo("34");
		assertThat(history.mean()).isEqualByComparingTo("4");
		assertThat(history.standardDeviation()).isEqualByComparingTo("1");
	}

	@Test
	void anEmptyOrUniformHistoryHasNoSpread() {
		assertThat(PriceHistory.EMPTY.mean()).isEqualByComparingTo("0");
		assertThat(PriceHistory.EMPTY.standardDeviation()).isEqualByComparingTo("0");
		PriceHistory uniform = PriceHistory.EMPTY.plus(BigDecimal.TEN).plus(BigDecimal.TEN);
		assertThat(uniform.standardDeviation()).isEqualByComparingTo("0");
	}

	@Test
	void judgesFromTheMinimumNumberOfObservationsOnAndNeverAgainstAZeroMean() {
		PriceHistory three = PriceHistory.EMPTY.plus(BigDecimal.TEN).plus(BigDecimal.TEN).plus(BigDecimal.TEN);

		assertThat(three.deviationPercent(new BigDecimal("15"), 3)).isEqualByComparingTo("50");
		assertThat(three.deviationPercent(new BigDecimal("15"), 4)).isNull();
		assertThat(PriceHistory.EMPTY.deviationPercent(BigDecimal.ONE, 0)).isNull();
		assertThat(PriceHistory.EMPTY.plus(BigDecimal.ZERO).deviationPercent(BigDecimal.ONE, 1)).isNull();
	}

	@Test
	void priceKeysSortByHsCodeThenUnit() {
		assertThat(new TreeSet<>(List.of(new PriceKey("8542319000", "KGM"), new PriceKey("8542319000", "C62"),
				new PriceKey("0901110000", "KGM"))))
			.containsExactly(new PriceKey("0901110000", "KGM"), new PriceKey("8542319000", "C62"),
					new PriceKey("8542319000", "KGM"));
		assertThat(new PriceKey("0901110000", "KGM").compareTo(new PriceKey("0901110000", "KGM"))).isZero();
	}
}
