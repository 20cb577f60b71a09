package io.singlewindow.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection ({@code singlewindow.security.*}).
 *
 * @param freeFailuresPerAccount failed logins of one account from one address before its attempts pause
 * @param freeFailuresPerAddress failed logins from one address, whatever the account, before its attempts pause
 * @param freeApiKeyFailuresPerAddress invalid API keys from one address before it gets 429
 * @param firstPause the first pause; each further failure doubles it
 * @param longestPause the cap, so that nobody is locked out for longer by someone failing on purpose
 * @param forgetAfter failures are forgotten after this long without one
 */
@ConfigurationProperties("singlewindow.security")
record SecuritySettings(@DefaultValue("3") int freeFailuresPerAccount, @DefaultValue("20") int freeFailuresPerAddress,
		@DefaultValue("10") int freeApiKeyFailuresPerAddress, @DefaultValue("1s") Duration firstPause,
		@DefaultValue("15m") Duration longestPause, @DefaultValue("1h") Duration forgetAfter) {

	Backoff perAccount() {
		return new Backoff(freeFailuresPerAccount, firstPause, longestPause, forgetAfter);
	}

	Backoff perAddress() {
		return new Backoff(freeFailuresPerAddress, firstPause, longestPause, forgetAfter);
	}

	Backoff apiKeysPerAddress() {
		return new Backoff(freeApiKeyFailuresPerAddress, firstPause, longestPause, forgetAfter);
	}
}
