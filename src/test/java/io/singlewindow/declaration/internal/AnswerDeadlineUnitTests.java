package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.singlewindow.calendar.CalendarDay;
import io.singlewindow.calendar.DayKind;
import io.singlewindow.calendar.WorkingCalendar;

/** A queried declarant answers by a day counted in the zone's working days, holidays and adjusted weekends included. */
class AnswerDeadlineUnitTests {

	/** 2026's National Day week as the State Council set it: 1–7 October off, Saturday 10 October a working day. */
	static final WorkingCalendar ZONE_2026 = WorkingCalendar.of(List.of(
			off(1), off(2), off(5), off(6), off(7),
			new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.WORK, "国庆节调休")), List.of(2026));

	@Test
	void aQuestionAskedOnAFridayIsAnsweredByTheFifthWorkingDayAfter() {
		var deadline = new AnswerDeadline(5);

		assertThat(deadline.answerBy(LocalDate.of(2026, 11, 27), ZONE_2026)).isEqualTo(LocalDate.of(2026, 12, 4));
	}

	@Test
	void theNationalDayHolidayDoesNotCountAndItsAdjustedSaturdayDoes() {
		var deadline = new AnswerDeadline(3);

		// Asked on Wednesday 30 September: 1–7 October are off, Thursday 8 and Friday 9 count, so does Saturday 10.
		assertThat(deadline.answerBy(LocalDate.of(2026, 9, 30), ZONE_2026)).isEqualTo(LocalDate.of(2026, 10, 10));
	}

	@Test
	void theWholeLastDayIsStillInTime() {
		LocalDate answerBy = LocalDate.of(2026, 12, 4);

		assertThat(AnswerDeadline.overdue(answerBy, answerBy)).isFalse();
		assertThat(AnswerDeadline.overdue(answerBy, answerBy.plusDays(1))).isTrue();
		assertThat(AnswerDeadline.overdue(null, answerBy)).as("a question without a date is never late").isFalse();
	}

	@Test
	void aZoneSetsOneToSixtyWorkingDays() {
		assertThat(new AnswerDeadline(1).workingDays()).isEqualTo(1);
		assertThat(new AnswerDeadline(60).workingDays()).isEqualTo(60);
		assertThatThrownBy(() -> new AnswerDeadline(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("singlewindow.declarations.answer-working-days");
		assertThatThrownBy(() -> new AnswerDeadline(61)).isInstanceOf(IllegalArgumentException.class);
	}

	private static CalendarDay off(int october) {
		return new CalendarDay(LocalDate.of(2026, 10, october), DayKind.OFF, "国庆节");
	}
}
