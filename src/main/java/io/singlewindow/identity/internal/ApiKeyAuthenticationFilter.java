package io.singlewindow.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.singlewindow.identity.SecurityEventOccurred.Type;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates REST calls that carry {@code Authorization: Bearer sw_…}. A request without such a header passes on
 * unauthenticated (public endpoints still answer); a wrong, revoked or expired key is answered with 401 right here,
 * so a client never mistakes a bad key for anonymous access. An address that keeps presenting invalid keys pauses
 * with exponential back-off: 429 {@code TOO_MANY_INVALID_API_KEYS} with {@code Retry-After}, whatever key it sends
 * meanwhile, so guessing keys gains nothing.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys keys;
	private final ProblemWriter problems;
	private final AttemptThrottle throttle;
	private final SecurityEvents events;
	private final SecuritySettings settings;

	ApiKeyAuthenticationFilter(ApiKeys keys, ProblemWriter problems, AttemptThrottle throttle,
			SecurityEvents events, SecuritySettings settings) {
		this.keys = keys;
		this.problems = problems;
		this.throttle = throttle;
		this.events = events;
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		String throttleKey = "api-key-address:" + address;
		// The address's pause first: while it lasts, whatever key it sends is answered 429 (one statement reads both).
		var presented = keys.present(header.substring(7).strip(), throttleKey, settings.apiKeysPerAddress());
		if (presented.pause().isPresent()) {
			tooManyAttempts(request, response, presented.pause().get());
			return;
		}
		var principal = presented.account().filter(AccountPrincipal::enabled);
		if (principal.isEmpty()) {
			Duration pause = throttle.fail(throttleKey, settings.apiKeysPerAddress());
			events.record(Type.API_KEY_REJECTED, null, null, address, Map.of("path", request.getRequestURI()));
			if (pause.isPositive()) {
				events.record(Type.API_KEY_PAUSED, null, null, address,
						Map.of("pauseSeconds", Long.toString(pause.toSeconds())));
				tooManyAttempts(request, response, pause);
				return;
			}
			problems.write(request, response, 401, "INVALID_API_KEY");
			return;
		}
		AccountPrincipal p = principal.get().withoutPassword();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration pause)
			throws IOException {
		long seconds = Math.max(1, (pause.toMillis() + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(seconds));
		problems.write(request, response, 429, "TOO_MANY_INVALID_API_KEYS", seconds);
	}
}
