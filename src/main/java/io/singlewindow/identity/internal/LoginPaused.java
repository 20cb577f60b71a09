package io.singlewindow.identity.internal;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * Login attempts of this account from this address (or from this address at all) pause after repeated failures. An
 * account-status exception, so that no other authentication provider gets to try the password meanwhile.
 */
class LoginPaused extends LockedException {

	private final Duration left;

	LoginPaused(Duration left) {
		super("login attempts paused for " + left.toSeconds() + " s");
		this.left = left;
	}

	/** Whole seconds to wait, at least one. */
	long secondsLeft() {
		return Math.max(1, (left.toMillis() + 999) / 1000);
	}
}
