package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericColumnUnitTests {

	static final NumericColumn MONEY = InputLimits.MONEY;

	@ParameterizedTest(name = "{0} does not fit NUMERIC(18, 2)")
	@ValueSource(strings = { "1e16", "1e308", "123456789012345678901234567890", "9999999999999999.995",
			"1e999999999", "-1e20" })
	void refusesWhatTheColumnCannotHold(String value) {
		assertThatThrownBy(() -> MONEY.fit(new BigDecimal(value))).isInstanceOfSatisfying(InvalidValue.class, e -> {
			assertThat(e.code()).isEqualTo("TOO_LARGE");
			// The value refused, to find its field by; the largest the column holds, for the message.
			assertThat(e.value()).isEqualTo(new BigDecimal(value).toString());
			assertThat(e.arguments()).containsExactly(new BigDecimal("9999999999999999.99"));
		});
	}

	@Test
	void takesTheLargestValueTheColumnHolds() {
		assertThat(MONEY.fit(new BigDecimal("9999999999999999.99"))).isEqualByComparingTo("9999999999999999.99");
		assertThat(MONEY.fit(new BigDecimal("1e15"))).isEqualByComparingTo("1000000000000000");
	}

	@Test
	void roundsHalfUpToTheStoredScaleSoTinyValuesBecomeZero() {
		assertThat(MONEY.fit(new BigDecimal("0.001"))).isEqualByComparingTo("0");
		assertThat(MONEY.fit(new BigDecimal("0.005"))).isEqualByComparingTo("0.01");
		assertThat(InputLimits.QUANTITY.fit(new BigDecimal("1e-7"))).isEqualByComparingTo("0");
		assertThat(InputLimits.QUANTITY.fit(new BigDecimal("0.0005"))).isEqualByComparingTo("0.001");
		assertThat(MONEY.fit(new BigDecimal("12.345"))).isEqualTo(new BigDecimal("12.35"));
	}

	@Test
	void decidesExtremeExponentsWithoutComputingThem() {
		long started = System.nanoTime();
		assertThat(MONEY.fit(new BigDecimal("1e-999999999"))).isEqualByComparingTo("0");
		assertThatThrownBy(() -> MONEY.fit(new BigDecimal("1e999999999"))).isInstanceOf(InvalidValue.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void anErrorMessageQuotesAnAmountAsTypedButNeverWritesOutABillionDigits() {
		assertThat(NumericColumn.quoted(new BigDecimal("4000.50"))).isEqualTo("4000.50");
		assertThat(NumericColumn.quoted(new BigDecimal("1e40"))).hasSize(41);
		assertThat(NumericColumn.quoted(new BigDecimal("1e999999999"))).isEqualTo("1E+999999999");
		assertThat(NumericColumn.quoted(new BigDecimal("-1e-999999999"))).isEqualTo("-1E-999999999");
	}
}
