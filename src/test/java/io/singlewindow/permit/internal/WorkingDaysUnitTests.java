package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkingDaysUnitTests {

	@ParameterizedTest(name = "{1} working days after {0} is {2}")
	@CsvSource({
			// Friday 2026-11-27: the weekend does not count.
			"2026-11-27, 1, 2026-11-30",
			"2026-11-27, 5, 2026-12-04",
			// Saturday: Monday is the first working day after it.
			"2026-11-28, 1, 2026-11-30",
			"2026-11-30, 10, 2026-12-14",
			"2026-11-30, 0, 2026-11-30" })
	void statutoryDeadlinesSkipWeekends(LocalDate start, int days, LocalDate due) {
		assertThat(WorkingDays.after(start, days)).isEqualTo(due);
		if (WorkingDays.isWorkingDay(start)) {
			assertThat(WorkingDays.between(start, due)).isEqualTo(days);
		}
	}

	@Test
	void daysLeftAreNegativeOnceOverdue() {
		assertThat(WorkingDays.between(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 11, 30))).isEqualTo(-2);
	}

	@Test
	void onlyApprovalWaitsForAnOfficer() {
		assertThat(PermitMode.FILING.issuesOnSubmission()).isTrue();
		assertThat(PermitMode.NOTIFICATION_COMMITMENT.issuesOnSubmission()).isTrue();
		assertThat(PermitMode.OPTIMISED_APPROVAL.issuesOnSubmission()).isFalse();
		assertThat(PermitMode.APPROVAL_CANCELLED.issuesOnSubmission()).isFalse();
	}
}
