package io.singlewindow.platform.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

import io.singlewindow.platform.BusinessTime;

/**
 * How pages show time: always in the zone's time zone (Asia/Shanghai), whatever the server's or the browser's, and
 * with the UTC offset wherever the time is exact, so a reader elsewhere is never misled. Templates call it as
 * {@code ${@times.exact(k.createdAt)}}.
 */
@Component("times")
class PageTimes {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final BusinessTime time;

	PageTimes(BusinessTime time) {
		this.time = time;
	}

	/**
	 * The zone's day now, from the injected clock: what a page's "overdue" is counted against, wherever it is
	 * rendered (a whole page or a fragment the live updates send).
	 */
	public LocalDate today() {
		return time.today();
	}

	/** {@code 2026-11-29 20:45 +08:00}; empty for no time. */
	public String exact(TemporalAccessor time) {
		return time == null ? "" : MINUTES.format(inZone(time));
	}

	/** {@code 2026-11-29 20:45:07 +08:00}; empty for no time. */
	public String exactSeconds(TemporalAccessor time) {
		return time == null ? "" : SECONDS.format(inZone(time));
	}

	/** The zone's calendar day of the time ({@code 2026-11-29}); a date stays the date it is. */
	public String day(TemporalAccessor time) {
		if (time == null) {
			return "";
		}
		return time instanceof LocalDate date ? DAY.format(date) : DAY.format(inZone(time));
	}

	static ZonedDateTime inZone(TemporalAccessor time) {
		return switch (time) {
			case Instant instant -> instant.atZone(BusinessTime.ZONE);
			case ZonedDateTime zoned -> zoned.withZoneSameInstant(BusinessTime.ZONE);
			case OffsetDateTime offset -> offset.atZoneSameInstant(BusinessTime.ZONE);
			default -> Instant.from(time).atZone(BusinessTime.ZONE);
		};
	}
}
