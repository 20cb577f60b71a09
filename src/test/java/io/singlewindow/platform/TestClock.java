package io.singlewindow.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the integration tests: the system clock until a test pins it to an instant of its choosing (and
 * releases it afterwards, since all integration tests share one context). Pinned, every module's {@link BusinessTime}
 * — business date, statistical month, permit validity — answers that instant, so a test never depends on when it runs.
 */
public final class TestClock extends Clock {

	private volatile Instant pinned;

	/** Stops time at {@code instant}. */
	public void pin(Instant instant) {
		this.pinned = instant;
	}

	/**
	 * Stops time at noon (zone time) of the 15th of the current month: as far from both month boundaries as a month
	 * allows, and still inside the month for which the demo data holds exchange rates.
	 */
	public Instant pinMidMonth() {
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		Instant noon = today.withDayOfMonth(15).atTime(LocalTime.NOON).atZone(BusinessTime.ZONE).toInstant();
		pin(noon);
		return noon;
	}

	/** Lets time run with the system clock again. */
	public void release() {
		this.pinned = null;
	}

	@Override
	public Instant instant() {
		Instant at = pinned;
		return at != null ? at : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	/** Imported by {@code @SingleWindowIntegrationTest}: replaces the platform's system clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}
	}
}
