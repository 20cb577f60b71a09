package io.singlewindow.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.calendar.CalendarDay;
import io.singlewindow.calendar.DayKind;
import io.singlewindow.calendar.ZoneCalendar;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TransactionLock;

/**
 * Administrators record a year's calendar from the State Council's notice: the whole year at once, replacing what was
 * recorded for it, so that a correction never leaves half of an old notice behind.
 */
@Component
class CalendarAdministration {

	static final int FIRST_YEAR = 2000;
	static final int LAST_YEAR = 2100;
	private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

	private final JdbcClient jdbc;
	private final ZoneCalendar calendar;
	private final BusinessTime time;
	private final AuditTrail auditTrail;

	CalendarAdministration(JdbcClient jdbc, ZoneCalendar calendar, BusinessTime time, AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.time = time;
	}

	/** A year's notice as typed or sent: strings, so that every mistake is reported by field. */
	record YearNotice(String source, List<DayLine> days) {
	}

	/** One line of a notice: {@code 2027-10-01,OFF,National Day / 国庆节}. */
	record DayLine(String date, String kind, String holiday) {
	}

	/** A recorded year with its days. */
	record RecordedYear(int year, String source, java.time.Instant recordedAt, String recordedBy,
			List<CalendarDay> days) {

		public long daysOff() {
			return days.stream().filter(d -> d.kind() == DayKind.OFF).count();
		}

		public long workedWeekendDays() {
			return days.stream().filter(d -> d.kind() == DayKind.WORK).count();
		}
	}

	/**
	 * Records {@code year}'s notice, replacing any earlier record of that year.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless an administrator; 422 {@code INVALID_INPUT} listing every bad
	 *     field — a date outside the year or twice, an unknown kind, a worked day that is no weekend day
	 */
	@Transactional
	public RecordedYear record(Actor actor, int year, YearNotice notice) {
		actor.requireRole(Role.ADMIN);
		List<CalendarDay> days = validate(year, notice);
		// Two administrators recording one year at one instant queue up here: both used to delete what neither had
		// committed and the second's insert of the year then ended in a 500. The last to commit is the year now, and
		// its audit record's "before" is the first's.
		TransactionLock.take(jdbc, "calendar-year:" + year);
		RecordedYear before = find(year).orElse(null);
		jdbc.sql("DELETE FROM calendar_year WHERE year = ?").param(year).update();
		jdbc.sql("INSERT INTO calendar_year (year, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?)")
			.params(year, notice.source().strip(), java.sql.Timestamp.from(time.now()), actor.username())
			.update();
		for (CalendarDay day : days) {
			jdbc.sql("INSERT INTO calendar_day (day, year, kind, holiday) VALUES (?, ?, ?, ?)")
				.params(day.date(), year, day.kind().name(), day.holiday())
				.update();
		}
		calendar.refresh();
		log.info("event=calendar_year_recorded year={} days={} actor={}", year, days.size(), actor.username());
		RecordedYear recorded = find(year).orElseThrow();
		// Working days set statutory deadlines, so a changed calendar changes what applicants may expect.
		auditTrail.record(AuditRecord.of("WORKING_CALENDAR_RECORDED", "CALENDAR_YEAR", year).by(actor)
			.change(before, recorded));
		return recorded;
	}

	static List<CalendarDay> validate(int year, YearNotice notice) {
		Violations violations = new Violations();
		violations.check(year >= FIRST_YEAR && year <= LAST_YEAR, "year", "CALENDAR_YEAR_OUT_OF_RANGE",
				String.valueOf(year), String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
		violations.required(notice.source(), "source");
		if (notice.source() != null) {
			violations.check(notice.source().strip().length() <= 500, "source", "SIZE", 500);
		}
		List<DayLine> lines = notice.days() == null ? List.of() : notice.days();
		violations.check(!lines.isEmpty(), "days", "REQUIRED");
		List<CalendarDay> days = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < lines.size(); i++) {
			DayLine line = lines.get(i);
			String field = "days[" + i + "]";
			if (line == null) {
				violations.add(field, "REQUIRED");
				continue;
			}
			LocalDate date = date(line.date(), field + ".date", violations);
			DayKind kind = kind(line.kind(), field + ".kind", violations);
			violations.required(line.holiday(), field + ".holiday");
			if (line.holiday() != null) {
				violations.check(line.holiday().strip().length() <= 200, field + ".holiday", "SIZE", 200);
			}
			if (date != null) {
				violations.check(date.getYear() == year, field + ".date", "CALENDAR_DAY_OUTSIDE_YEAR", date,
						String.valueOf(year));
				violations.check(seen.add(date), field + ".date", "CALENDAR_DAY_DUPLICATE", date);
				if (kind == DayKind.WORK) {
					// An adjusted working day only means something on a weekend; on a weekday it is a typing error.
					violations.check(weekend(date), field + ".kind", "CALENDAR_WORK_DAY_NOT_WEEKEND", date);
				}
			}
			if (date != null && kind != null && line.holiday() != null && !line.holiday().isBlank()) {
				days.add(new CalendarDay(date, kind, line.holiday().strip()));
			}
		}
		violations.throwIfAny();
		return days;
	}

	java.util.Optional<RecordedYear> find(int year) {
		List<CalendarDay> days = jdbc.sql("SELECT day, kind, holiday FROM calendar_day WHERE year = ? ORDER BY day")
			.param(year)
			.query((rs, i) -> new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
		return jdbc.sql("SELECT year, source, recorded_at, recorded_by FROM calendar_year WHERE year = ?")
			.param(year)
			.query((rs, i) -> new RecordedYear(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4), days))
			.optional();
	}

	List<RecordedYear> all() {
		return jdbc.sql("SELECT year FROM calendar_year ORDER BY year").query(Integer.class).list().stream()
			.map(y -> find(y).orElseThrow())
			.toList();
	}

	private static LocalDate date(String raw, String field, Violations violations) {
		if (raw == null || raw.isBlank()) {
			violations.add(field, "REQUIRED");
			return null;
		}
		try {
			return io.singlewindow.core.IsoDay.parse(raw.strip());
		} catch (DateTimeParseException e) {
			violations.add(field, "MALFORMED_VALUE", raw);
			return null;
		}
	}

	private static DayKind kind(String raw, String field, Violations violations) {
		if (raw == null || raw.isBlank()) {
			violations.add(field, "REQUIRED");
			return null;
		}
		try {
			return DayKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			violations.add(field, "CALENDAR_DAY_KIND_UNKNOWN", raw);
			return null;
		}
	}

	private static boolean weekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
