package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.singlewindow.core.HsCode;

class HsScopeUnitTests {

	@ParameterizedTest(name = "{0} under {1} → {2}")
	@CsvSource({ "0901110000, 09, true", "0901110000, 0901, true", "0901110000, 090111, true",
			"0901210000, 090111, false", "8471300000, 8471300000, true", "8471300000, 84713000, true",
			"8471410000, 847130, false", "3004909099, 30, true" })
	void coversCodesUnderAnyOfItsPrefixes(String code, String prefix, boolean covered) {
		assertThat(HsScope.of(List.of("01", prefix)).covers(HsCode.of(code))).isEqualTo(covered);
	}

	@Test
	void anEmptyScopeCoversNothing() {
		assertThat(HsScope.of(List.of()).covers(HsCode.of("0101210000"))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "1", "123", "12345", "12345678901", "09a1", "''" })
	void refusesWhatIsNotAChapterHeadingSubheadingOrLine(String prefix) {
		assertThat(HsScope.isPrefix(prefix)).isFalse();
		assertThatThrownBy(() -> HsScope.of(List.of(prefix))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPermitExpiresTheDayAfterItsLastValidDay() {
		LocalDate last = LocalDate.of(2026, 12, 31);
		assertThat(PermitStatus.on(last, PermitStatus.IN_FORCE, last)).isEqualTo(PermitStatus.IN_FORCE);
		assertThat(PermitStatus.on(last.plusDays(1), PermitStatus.IN_FORCE, last)).isEqualTo(PermitStatus.EXPIRED);
		assertThat(PermitStatus.on(last.plusYears(5), PermitStatus.IN_FORCE, null)).isEqualTo(PermitStatus.IN_FORCE);
		assertThat(PermitStatus.on(last.plusDays(1), PermitStatus.REVOKED, last)).isEqualTo(PermitStatus.REVOKED);
		assertThat(PermitStatus.on(last, PermitStatus.SUSPENDED, last)).isEqualTo(PermitStatus.SUSPENDED);
	}

	@Test
	void aScopeWithoutPrefixesIsEmptyAndCoversNothing() {
		assertThat(HsScope.of(List.of()).isEmpty()).isTrue();
		assertThat(HsScope.of(List.of()).covers(HsCode.of("8471300000"))).isFalse();
		assertThat(HsScope.of(List.of("84")).isEmpty()).isFalse();
	}
}
