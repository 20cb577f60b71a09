package io.singlewindow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The calendar file shipped with the platform (2025 and 2026), read as the tests' independent source of truth. */
public final class ShippedCalendar {

	public static final String RESOURCE = "/calendar/cn-public-holidays-2025-2026.csv";

	private ShippedCalendar() {
	}

	public static List<CalendarDay> days() {
		try (InputStream in = ShippedCalendar.class.getResourceAsStream(RESOURCE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.filter(line -> !line.isBlank())
				.map(line -> line.split(",", 3))
				.map(f -> new CalendarDay(LocalDate.parse(f[0]), DayKind.valueOf(f[1]), f[2]))
				.toList();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public static WorkingCalendar calendar() {
		return WorkingCalendar.of(days(), List.of(2025, 2026));
	}
}
