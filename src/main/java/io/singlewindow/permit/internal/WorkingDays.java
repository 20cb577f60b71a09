package io.singlewindow.permit.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Statutory review limits are counted in working days: Monday to Friday. Public holidays and the make-up working
 * weekends of the State Council's annual calendar are not modelled, so a deadline over a holiday is earlier than the
 * legal one — never later.
 */
final class WorkingDays {

	private WorkingDays() {
	}

	/** The date {@code days} working days after {@code start} (the start day itself does not count). */
	static LocalDate after(LocalDate start, int days) {
		LocalDate date = start;
		int left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				left--;
			}
		}
		return date;
	}

	/** Working days from {@code from} to {@code to}; negative when {@code to} is earlier. */
	static int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}

	static boolean isWorkingDay(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}
}
