package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.singlewindow.core.InvalidValue;

class WrittenNumberUnitTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "160000|160000", "160,000|160000", "160,000.50|160000.50",
			"160.000,50|160000.50", "1.234.567|1234567", "12,5|12.5", "160 000,5|160000.5", "160\u00a0000|160000",
			"１６０，０００|160000", "1.6E5|1.6E5", "-3|-3", "0.001|0.001" })
	void readsNumbersAsTradersWriteThemInEitherConvention(String written, BigDecimal expected) {
		assertThat(WrittenNumber.parse(written)).isEqualByComparingTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "$160,000", "160,000 USD", "60 kg", "1,23,456", "12,34.5", "abc", "1..2", "--1", "¥100" })
	void refusesWhatIsNotANumberQuotingIt(String written) {
		assertThatThrownBy(() -> WrittenNumber.parse(written)).isInstanceOfSatisfying(InvalidValue.class, e -> {
			assertThat(e.code()).isEqualTo("NUMBER_UNREADABLE");
			assertThat(e.value()).isEqualTo(written);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void blankIsNoNumber(String written) {
		assertThat(WrittenNumber.parse(written)).isNull();
	}
}
