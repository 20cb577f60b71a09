package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A session cookie whose id the platform could never have issued is no session, and is left out before Spring
 * Session looks it up. Its id is Base64 on the wire; one that decodes to a NUL ({@code SESSION=AAAA}) failed the
 * session table's query, a 500 on every page and API call that carried it — and a cookie can be set by anyone who
 * shares the domain (found by a smoke test; {@code HostileCookiesIntegrationTests}).
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class UnusableSessionCookies extends OncePerRequestFilter {

	/** Spring Session's ids are UUIDs; this admits any id of printable characters a generator might use. */
	private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

	private final String cookieName;

	UnusableSessionCookies(@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Cookie[] cookies = request.getCookies();
		if (cookies == null || Arrays.stream(cookies).allMatch(this::usable)) {
			chain.doFilter(request, response);
			return;
		}
		Cookie[] kept = Arrays.stream(cookies).filter(this::usable).toArray(Cookie[]::new);
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public Cookie[] getCookies() {
				return kept.length == 0 ? null : kept.clone();
			}
		}, response);
	}

	private boolean usable(Cookie cookie) {
		if (!cookieName.equals(cookie.getName())) {
			return true;
		}
		try {
			String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
			return PLAUSIBLE_ID.matcher(id).matches();
		}
		catch (IllegalArgumentException notBase64) {
			// Spring Session reads no id from it either.
			return false;
		}
	}
}
