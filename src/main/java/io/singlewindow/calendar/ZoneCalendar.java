package io.singlewindow.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The zone's working calendar as recorded in the database. Deadlines are counted on every page view, so the calendar
 * is kept in memory and read again after a change on this node and at least every {@link #FRESHNESS} (a change made
 * on another node is seen within that time).
 */
@Component
public class ZoneCalendar {

	static final Duration FRESHNESS = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private volatile Snapshot snapshot;

	private record Snapshot(WorkingCalendar calendar, long readAtNanos) {
	}

	ZoneCalendar(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The calendar with every recorded year. */
	public WorkingCalendar current() {
		Snapshot s = snapshot;
		if (s == null || System.nanoTime() - s.readAtNanos() > FRESHNESS.toNanos()) {
			s = new Snapshot(read(), System.nanoTime());
			snapshot = s;
		}
		return s.calendar();
	}

	/** The date {@code days} working days after {@code start}: a statutory deadline. */
	public LocalDate after(LocalDate start, int days) {
		return current().after(start, days);
	}

	/** Working days from {@code from} to {@code to}; negative when {@code to} is earlier (overdue). */
	public int between(LocalDate from, LocalDate to) {
		return current().between(from, to);
	}

	public boolean isWorkingDay(LocalDate date) {
		return current().isWorkingDay(date);
	}

	/** Forgets the kept calendar, so that the next deadline sees a change at once. */
	public void refresh() {
		snapshot = null;
	}

	private WorkingCalendar read() {
		List<CalendarDay> days = jdbc.sql("SELECT day, kind, holiday FROM calendar_day")
			.query((rs, i) -> new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
		List<Integer> years = jdbc.sql("SELECT year FROM calendar_year").query(Integer.class).list();
		return WorkingCalendar.of(days, years);
	}
}
