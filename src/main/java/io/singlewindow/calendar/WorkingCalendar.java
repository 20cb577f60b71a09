package io.singlewindow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working days as the zone counts them for statutory deadlines: Monday to Friday, except the official public holidays
 * (off) and the adjusted weekend days that are worked (on). Years whose notice is not recorded are counted Monday to
 * Friday — {@link #covers(int)} tells whether a year is known, so callers can warn rather than guess. Immutable.
 */
public final class WorkingCalendar {

	private final Map<LocalDate, CalendarDay> exceptions;
	private final SortedSet<Integer> years;

	private WorkingCalendar(Map<LocalDate, CalendarDay> exceptions, SortedSet<Integer> years) {
		this.exceptions = exceptions;
		this.years = years;
	}

	/**
	 * @param days the days of the recorded notices that differ from an ordinary week
	 * @param years the years whose notice is recorded
	 */
	public static WorkingCalendar of(Collection<CalendarDay> days, Collection<Integer> years) {
		return new WorkingCalendar(
				Map.copyOf(days.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity()))),
				java.util.Collections.unmodifiableSortedSet(new TreeSet<>(years)));
	}

	/** Monday to Friday only: what the zone counted before any notice was recorded. */
	public static WorkingCalendar weekdaysOnly() {
		return of(Set.of(), Set.of());
	}

	public boolean isWorkingDay(LocalDate date) {
		CalendarDay exception = exceptions.get(date);
		if (exception != null) {
			return exception.kind() == DayKind.WORK;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The date {@code days} working days after {@code start} (the start day itself does not count). */
	public LocalDate after(LocalDate start, int days) {
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

	/** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
	public int between(LocalDate from, LocalDate to) {
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

	/** Whether the official notice of {@code year} is recorded, so that its holidays count. */
	public boolean covers(int year) {
		return years.contains(year);
	}

	/** The years whose notice is recorded, in order. */
	public SortedSet<Integer> years() {
		return years;
	}

	/** The holiday a day off or an adjusted working day belongs to, if any. */
	public java.util.Optional<CalendarDay> exception(LocalDate date) {
		return java.util.Optional.ofNullable(exceptions.get(date));
	}
}
