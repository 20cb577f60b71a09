package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** Days and months as written, four-digit years only: what PostgreSQL can store and a person can mean. */
class IsoDayUnitTests {

	@Test
	void aDayOrAMonthOfAFourDigitYearIsRead() {
		assertThat(IsoDay.parse("2026-12-07")).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(IsoDay.parse("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
		assertThat(IsoDay.month("2027-01")).isEqualTo(YearMonth.of(2027, 1));
		// Read, for the rules that refuse such a day by name (an enterprise established in the year one).
		assertThat(IsoDay.parse("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
	}

	@Test
	void anyOtherSpellingIsNotADay() {
		for (String odd : new String[] { "+5881580-07-11", "-0001-01-01", "0000-01-01", "10000-01-01",
				"2026-13-01", "2026-02-30", "2026-1-7", " 2026-12-07", "2147483647", "", "２０２６-12-07" }) {
			assertThatThrownBy(() -> IsoDay.parse(odd)).as(odd).isInstanceOf(DateTimeParseException.class);
		}
		assertThatThrownBy(() -> IsoDay.parse(null)).isInstanceOf(DateTimeParseException.class);
		for (String odd : new String[] { "+99999-01", "2026-13", "2026-1", "0000-01", "2026-12-07" }) {
			assertThatThrownBy(() -> IsoDay.month(odd)).as(odd).isInstanceOf(DateTimeParseException.class);
		}
	}
}
