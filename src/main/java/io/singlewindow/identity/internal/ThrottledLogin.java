package io.singlewindow.identity.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.singlewindow.identity.SecurityEventOccurred.Type;

/**
 * The password login, with brute-force protection: failures are counted per account from one address and per address;
 * past the free failures, attempts pause with exponential back-off (capped, see {@link SecuritySettings}). A paused
 * attempt is refused without checking the password. Because the account key includes the address, someone failing
 * on purpose from elsewhere never pauses the real person's own logins.
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final AttemptThrottle throttle;
	private final SecurityEvents events;
	private final SecuritySettings settings;
	private final AccountStore accounts;
	private final SecondFactors secondFactors;

	ThrottledLogin(AccountStore accounts, PasswordEncoder encoder, AttemptThrottle throttle, SecurityEvents events,
			SecuritySettings settings, SecondFactors secondFactors) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
		this.events = events;
		this.settings = settings;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = normalise(attempt.getName());
		String address = addressOf(attempt);
		String accountKey = "login:" + username + "@" + address;
		String addressKey = "login-address:" + address;
		Optional<Duration> paused = Stream.of(throttle.pauseLeft(accountKey, settings.perAccount()),
				throttle.pauseLeft(addressKey, settings.perAddress()))
			.flatMap(Optional::stream)
			.max(Duration::compareTo);
		if (paused.isPresent()) {
			throw new LoginPaused(paused.get());
		}
		Authentication result;
		try {
			result = passwords.authenticate(attempt);
			// 动态口令: with a second factor on, the password alone is a failed login like a wrong one — counted, paused
			// alike, and answered in the same words, so the answer never tells which of the two was wrong.
			// The row the password was checked against says whether the account has one (totp_enabled_at). A recovery
			// code stands in for the app's code, once.
			AccountPrincipal account = (AccountPrincipal) result.getPrincipal();
			if (account.secondFactor()
					&& !secondFactors.accept(account.userId(), account.getUsername(), codeOf(attempt), address)) {
				throw new SecondFactorRejected();
			}
		} catch (AuthenticationException failure) {
			Duration pause = throttle.fail(accountKey, settings.perAccount());
			Duration addressPause = throttle.fail(addressKey, settings.perAddress());
			throttle.forgetOlderThan(settings.forgetAfter());
			events.record(Type.LOGIN_FAILED, username, null, address,
					Map.of("reason", failure.getClass().getSimpleName()));
			Duration longer = pause.compareTo(addressPause) >= 0 ? pause : addressPause;
			if (longer.isPositive()) {
				events.record(Type.LOGIN_PAUSED, username, null, address,
						Map.of("pauseSeconds", Long.toString(longer.toSeconds()),
								"scope", pause.compareTo(addressPause) >= 0 ? "account" : "address"));
			}
			throw failure;
		}
		throttle.succeed(accountKey);
		AccountPrincipal principal = ((AccountPrincipal) result.getPrincipal()).withoutPassword();
		// The principal read the previous login before this one is written: what the home page shows the person.
		accounts.recordLogin(principal.userId(), address);
		var authenticated = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		// The session keeps where the login came from, never the code typed with it.
		authenticated.setDetails(attempt.getDetails() instanceof LoginDetails login ? login.withoutCode()
				: attempt.getDetails());
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** A second factor that was on, and the code missing, wrong, or used before. */
	static final class SecondFactorRejected extends BadCredentialsException {

		@java.io.Serial
		private static final long serialVersionUID = 1L;

		SecondFactorRejected() {
			super("second factor");
		}
	}

	private static String codeOf(Authentication attempt) {
		return attempt.getDetails() instanceof LoginDetails login ? login.code() : null;
	}

	private static String addressOf(Authentication attempt) {
		return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
				? web.getRemoteAddress() : "unknown";
	}

	/** Login names compare case-insensitively; a pasted essay is cut to the column's length. */
	static String normalise(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > 64 ? name.substring(0, 64) : name;
	}
}
