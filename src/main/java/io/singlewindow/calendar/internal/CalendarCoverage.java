package io.singlewindow.calendar.internal;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.singlewindow.calendar.WorkingCalendar;
import io.singlewindow.calendar.ZoneCalendar;
import io.singlewindow.core.Notice;
import io.singlewindow.core.NoticeSource;
import io.singlewindow.platform.BusinessTime;

/**
 * Watches that the calendar covers the years deadlines fall in. Without a year's notice its holidays are not days off,
 * so a deadline can land inside a holiday week. The State Council publishes a year's notice in November of the year
 * before; from {@link #NOTICE_MONTH} on, a missing next year is a warning — on the administrators' home page, in the
 * log (WARN, daily) and in the health details. A missing current year is a warning all year.
 */
@Component("workingCalendar")
class CalendarCoverage implements HealthIndicator, NoticeSource {

	static final Month NOTICE_MONTH = Month.NOVEMBER;
	private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

	private final ZoneCalendar calendar;
	private final BusinessTime time;

	CalendarCoverage(ZoneCalendar calendar, BusinessTime time) {
		this.calendar = calendar;
		this.time = time;
	}

	/** The years that should be recorded by now and are not. */
	List<Integer> missingYears() {
		return missingYears(calendar.current(), time.today());
	}

	static List<Integer> missingYears(WorkingCalendar calendar, LocalDate today) {
		List<Integer> missing = new ArrayList<>();
		if (!calendar.covers(today.getYear())) {
			missing.add(today.getYear());
		}
		if (today.getMonthValue() >= NOTICE_MONTH.getValue() && !calendar.covers(today.getYear() + 1)) {
			missing.add(today.getYear() + 1);
		}
		return missing;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		warnIfMissing();
	}

	@Scheduled(cron = "0 0 9 * * *", zone = "Asia/Shanghai")
	void daily() {
		warnIfMissing();
	}

	void warnIfMissing() {
		List<Integer> missing = missingYears();
		if (!missing.isEmpty()) {
			log.warn("event=calendar_year_missing years={} recorded={} action=\"record the State Council notice at /admin/calendar\"",
					missing, calendar.current().years());
		}
	}

	/** Always UP: a missing year makes deadlines less exact, it does not stop the node from serving. */
	@Override
	public Health health() {
		List<Integer> missing = missingYears();
		Health.Builder health = Health.up().withDetail("recordedYears", List.copyOf(calendar.current().years()));
		if (!missing.isEmpty()) {
			health.withDetail("missingYears", missing)
				.withDetail("warning", "holidays of " + missing + " are not recorded; deadlines count Monday to Friday");
		}
		return health.build();
	}

	@Override
	public List<Notice> notices() {
		return missingYears().stream()
			.map(year -> new Notice("calendar.notice.missingYear", List.of(String.valueOf(year)), Set.of("ADMIN"),
					"/admin/calendar"))
			.toList();
	}
}
