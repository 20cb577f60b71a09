package io.singlewindow.identity.internal;

import java.time.Duration;

/**
 * How long attempts pause after repeated failures: the first {@code freeFailures} cost nothing (people mistype), each
 * further failure doubles the pause from {@code firstPause}, never beyond {@code longestPause}; failures are forgotten
 * after {@code forgetAfter} without one. Capping the pause is what keeps an attacker from locking a real person out for
 * long by failing on purpose.
 */
record Backoff(int freeFailures, Duration firstPause, Duration longestPause, Duration forgetAfter) {

	/** The pause that follows the {@code failures}-th failure in a row. */
	Duration pauseAfter(int failures) {
		int beyond = failures - freeFailures;
		if (beyond <= 0) {
			return Duration.ZERO;
		}
		// 2^30 seconds is decades: anything at or above it is the cap anyway.
		long factor = 1L << Math.min(beyond - 1, 30);
		Duration pause = firstPause.multipliedBy(factor);
		return pause.compareTo(longestPause) > 0 ? longestPause : pause;
	}
}
