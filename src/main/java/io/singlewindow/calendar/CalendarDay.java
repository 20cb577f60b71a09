package io.singlewindow.calendar;

import java.time.LocalDate;

/**
 * One day of the State Council's notice that differs from an ordinary week.
 *
 * @param holiday the holiday it belongs to, e.g. {@code National Day / 国庆节}
 */
public record CalendarDay(LocalDate date, DayKind kind, String holiday) {
}
