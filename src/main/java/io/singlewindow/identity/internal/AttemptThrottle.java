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
		Instant now = time.now();
		return jdbc.sql("SELECT failures, last_failure_at FROM login_throttle WHERE throttle_key = ?").param(key)
			.query((rs, i) -> {
				Instant last = rs.getTimestamp(2).toInstant();
				Duration pause = backoff.pauseAfter(rs.getInt(1));
				if (pause.isZero() || last.plus(backoff.forgetAfter()).isBefore(now)) {
					return Duration.ZERO;
				}
				// A clock set back (an operator's correction, a test's clock) never makes a pause longer than it is.
				Duration left = Duration.between(now, last.plus(pause));
				return left.compareTo(pause) > 0 ? pause : left;
			})
			.optional()
			.filter(left -> left.isPositive());
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
