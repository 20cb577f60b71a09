package io.singlewindow.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.singlewindow.calendar.ShippedCalendar;
import io.singlewindow.calendar.WorkingCalendar;

/** When the administrators are told to record a year. */
class CalendarCoverageUnitTests {

	WorkingCalendar shipped = ShippedCalendar.calendar();

	@Test
	void nextYearIsMissedFromNovemberWhenItsNoticeIsUsuallyPublished() {
		assertThat(CalendarCoverage.missingYears(shipped, LocalDate.of(2026, 10, 31))).isEmpty();
		assertThat(CalendarCoverage.missingYears(shipped, LocalDate.of(2026, 11, 1))).containsExactly(2027);
		assertThat(CalendarCoverage.missingYears(shipped, LocalDate.of(2025, 12, 20))).isEmpty();
	}

	@Test
	void aMissingCurrentYearIsMissedAllYear() {
		assertThat(CalendarCoverage.missingYears(shipped, LocalDate.of(2027, 3, 1))).containsExactly(2027);
		assertThat(CalendarCoverage.missingYears(WorkingCalendar.weekdaysOnly(), LocalDate.of(2027, 11, 2)))
			.containsExactly(2027, 2028);
	}
}
