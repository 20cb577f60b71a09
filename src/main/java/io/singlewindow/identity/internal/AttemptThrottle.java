package io.singlewindow.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.BusinessTime;

/**
 * Counts failed attempts per key (an account tried from one address, an address, an address presenting API keys) in
 * the database, so every node applies the same pause. A key's row is gone after a success or once forgotten.
 */
@Component
class AttemptThrottle {

	private final JdbcClient jdbc;
	private final BusinessTime time;

	AttemptThrottle(JdbcClient jdbc, BusinessTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/** How long attempts under {@code key} must still wait, if they must. */
	Optional<Duration> pauseLeft(String key, Backoff backoff) {
		return jdbc.sql("SELECT failures, last_failure_at FROM login_throttle WHERE throttle_key = ?").param(key)
			.query((rs, i) -> pauseLeft(rs.getInt(1), rs.getTimestamp(2).toInstant(), backoff))
			.optional()
			.flatMap(left -> left);
	}

	/**
	 * How long attempts must still wait after {@code failures} counted, the last at {@code lastFailure}, if they must:
	 * for a caller that read the key's row with something else ({@link ApiKeys#present}).
	 */
	Optional<Duration> pauseLeft(int failures, Instant lastFailure, Backoff backoff) {
		Instant now = time.now();
		Duration pause = backoff.pauseAfter(failures);
		if (pause.isZero() || lastFailure.plus(backoff.forgetAfter()).isBefore(now)) {
			return Optional.empty();
		}
		// A clock set back (an operator's correction, a test's clock) never makes a pause longer than it is.
		Duration left = Duration.between(now, lastFailure.plus(pause));
		left = left.compareTo(pause) > 0 ? pause : left;
		return left.isPositive() ? Optional.of(left) : Optional.empty();
	}

	/** Counts one more failure and answers the pause it starts (zero while failures are still free). */
	Duration fail(String key, Backoff backoff) {
		Instant now = time.now();
		Timestamp forgotten = Timestamp.from(now.minus(backoff.forgetAfter()));
		int failures = jdbc.sql("""
				INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)
				ON CONFLICT (throttle_key) DO UPDATE
				SET failures = CASE WHEN login_throttle.last_failure_at < ? THEN 1 ELSE login_throttle.failures + 1 END,
				    last_failure_at = excluded.last_failure_at
				RETURNING failures""")
			.params(key, Timestamp.from(now), forgotten)
			.query(Integer.class)
			.single();
		return backoff.pauseAfter(failures);
	}

	void succeed(String key) {
		jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
	}

	/** Drops rows nobody remembers any more, so random user names typed at the login do not pile up. */
	void forgetOlderThan(Duration age) {
		jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ?").param(Timestamp.from(time.now().minus(age)))
			.update();
	}
}
