package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failed attempts slow down, then pause, never longer than the cap. */
class BackoffUnitTests {

	Backoff backoff = new Backoff(3, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

	@ParameterizedTest(name = "after {0} failures pause {1} s")
	@CsvSource({ "0, 0", "1, 0", "3, 0", "4, 1", "5, 2", "6, 4", "10, 64", "13, 512", "14, 900", "30, 900",
			"2000000000, 900" })
	void doublesThePauseUpToFifteenMinutes(int failures, long seconds) {
		assertThat(backoff.pauseAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
	}
}
