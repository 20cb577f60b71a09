package io.singlewindow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statutory deadlines on the real 2025/2026 calendar of the State Council's notices. */
class WorkingCalendarUnitTests {

	WorkingCalendar calendar = ShippedCalendar.calendar();

	@ParameterizedTest(name = "{1} working days after {0} is {2} (Monday to Friday alone: {3})")
	@CsvSource({
			// Filed Friday before National Day 2025: Sunday 28 Sep and Saturday 11 Oct are worked, 1–8 Oct are off.
			"2025-09-26, 10, 2025-10-16, 2025-10-10",
			// Spring Festival 2026: 14 and 28 Feb (Saturdays) are worked, 15–23 Feb are off.
			"2026-02-06, 20, 2026-03-12, 2026-03-06",
			// A 20-day review filed the day before National Day 2026 ends after the holiday week, on 3 Nov.
			"2026-09-30, 20, 2026-11-03, 2026-10-28",
			// Ordinary weeks: the weekend does not count.
			"2026-11-27, 1, 2026-11-30, 2026-11-30",
			"2026-11-28, 1, 2026-11-30, 2026-11-30",
			"2026-11-30, 10, 2026-12-14, 2026-12-14",
			"2026-11-30, 0, 2026-11-30, 2026-11-30" })
	void statutoryDeadlinesSkipHolidaysAndCountAdjustedWorkingDays(LocalDate filed, int days, LocalDate due,
			LocalDate weekdaysOnly) {
		assertThat(calendar.after(filed, days)).isEqualTo(due);
		assertThat(WorkingCalendar.weekdaysOnly().after(filed, days)).isEqualTo(weekdaysOnly);
		if (calendar.isWorkingDay(filed)) {
			assertThat(calendar.between(filed, due)).isEqualTo(days);
		}
	}

	@Test
	void anAdjustedSundayIsWorkedAndAHolidayWednesdayIsNot() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).as("Sunday before Spring Festival 2025").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).as("Wednesday in National Day 2025").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday after New Year 2026").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 5))).as("an ordinary Monday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 10))).as("an ordinary Saturday").isFalse();
	}

	@Test
	void daysLeftCountOnlyWorkingDaysAndAreNegativeOnceOverdue() {
		// From Friday 13 Feb 2026 to Tuesday 24 Feb: only Saturday 14 (worked) and Tuesday 24.
		assertThat(calendar.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24))).isEqualTo(2);
		assertThat(calendar.between(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 11, 30))).isEqualTo(-2);
	}

	@Test
	void aYearWithoutItsNoticeCountsMondayToFriday() {
		assertThat(calendar.covers(2025)).isTrue();
		assertThat(calendar.covers(2026)).isTrue();
		assertThat(calendar.covers(2027)).isFalse();
		// 1 Jan 2027 is a Friday; without the 2027 notice it is counted as a working day.
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
	}
}
