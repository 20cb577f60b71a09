package io.singlewindow.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The zone's notion of "now". Every module takes time from here (backed by the injected {@link Clock}) so that tests
 * can move time and so that dates — licence validity, permit expiry, statistical months — are those of the zone
 * (Asia/Shanghai), whatever the server's own time zone.
 */
@Component
public class BusinessTime {

	/** The zone's time zone; calendar dates and statistical months are counted in it. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Clock clock;

	public BusinessTime(Clock clock) {
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

	public YearMonth month() {
		return YearMonth.from(today());
	}

	public Clock clock() {
		return clock;
	}
}
