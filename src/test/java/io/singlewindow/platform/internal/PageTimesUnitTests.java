package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.singlewindow.platform.BusinessTime;

/** Every page shows time in the zone's time zone with its offset, whatever zone the time was recorded in. */
class PageTimesUnitTests {

	PageTimes times = new PageTimes(new BusinessTime(Clock.fixed(Instant.parse("2026-12-03T17:30:00Z"), ZoneOffset.UTC)));

	@Test
	void todayIsTheZonesDayNotTheServers() {
		// 17:30 UTC on the 3rd is 01:30 on the 4th in Xiamen: a deadline of the 3rd is passed there.
		assertThat(times.today()).isEqualTo(LocalDate.of(2026, 12, 4));
	}

	@Test
	void anInstantIsShownInXiamenTimeWithItsOffset() {
		assertThat(times.exact(Instant.parse("2026-11-29T16:30:00Z"))).isEqualTo("2026-11-30 00:30 +08:00");
		assertThat(times.exactSeconds(Instant.parse("2026-11-29T16:30:07Z"))).isEqualTo("2026-11-30 00:30:07 +08:00");
	}

	@Test
	void aTimeRecordedInAnotherZoneIsMovedToTheZonesTime() {
		assertThat(times.exact(OffsetDateTime.parse("2026-11-29T09:00:00+01:00"))).isEqualTo("2026-11-29 16:00 +08:00");
		assertThat(times.exact(Instant.parse("2026-11-29T09:00:00Z").atZone(ZoneId.of("America/New_York"))))
			.isEqualTo("2026-11-29 17:00 +08:00");
	}

	@Test
	void aDayIsTheZonesCalendarDayAndNoTimeIsEmpty() {
		assertThat(times.day(Instant.parse("2026-11-29T17:00:00Z"))).isEqualTo("2026-11-30");
		assertThat(times.day(LocalDate.of(2026, 11, 29))).isEqualTo("2026-11-29");
		assertThat(times.exact(null)).isEmpty();
	}
}
