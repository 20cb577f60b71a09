package io.singlewindow.identity.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;

/**
 * Wrong codes typed on the second-factor page (to confirm it, turn it off, make recovery codes) pause further tries
 * as wrong logins do ({@link SecuritySettings#perAccount()}: a few free, then a pause doubling up to its cap) — else a
 * session left open, or taken, could try every six-digit code until one turned the second factor off. Counted per
 * account in {@code login_throttle}, apart from the logins' counts, and outside the action's transaction, which a
 * refusal rolls back.
 */
@Component
class CodeAttempts {

	private final AttemptThrottle throttle;
	private final SecuritySettings settings;

	CodeAttempts(AttemptThrottle throttle, SecuritySettings settings) {
		this.throttle = throttle;
		this.settings = settings;
	}

	/**
	 * Runs {@code attempt}, which checks a code the account's holder typed, unless wrong codes paused it; a wrong code
	 * counts, an accepted one clears the count.
	 *
	 * @throws Problem 429 {@code TOO_MANY_CODE_ATTEMPTS} while paused, with the seconds left; the attempt's own
	 */
	<T> T guard(UUID account, Supplier<T> attempt) {
		String key = "second-factor:" + account;
		Optional<Duration> paused = throttle.pauseLeft(key, settings.perAccount());
		if (paused.isPresent()) {
			throw Problem.tooManyRequests("TOO_MANY_CODE_ATTEMPTS", paused.get());
		}
		T result;
		try {
			result = attempt.get();
		} catch (Problem refused) {
			if (refused.fieldProblems().stream()
				.anyMatch(p -> "code".equals(p.field()) && "CODE_WRONG".equals(p.code()))) {
				throttle.fail(key, settings.perAccount());
			}
			throw refused;
		}
		throttle.succeed(key);
		return result;
	}
}
