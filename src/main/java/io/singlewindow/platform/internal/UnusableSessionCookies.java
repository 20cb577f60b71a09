package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A session cookie whose id the platform could never have issued is no session, and is left out before Spring
 * Session looks it up. Its id is Base64 on the wire; one that decodes to a NUL ({@code SESSION=AAAA}) failed the
 * session table's query, a 500 on every page and API call that carried it — and a cookie can be set by anyone who
 * shares the domain (found by a smoke test; {@code HostileCookiesIntegrationTests}).
 */
class UnusableSessionCookies implements Filter {

	/** Spring Session's ids are UUIDs; this admits any id of printable characters a generator might use. */
	private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

	private final String cookieName;

	UnusableSessionCookies(String cookieName) {
		this.cookieName = cookieName;
	}

	/**
	 * In front of Spring Session's filter on every dispatch it filters: the error page's dispatch carries the
	 * container's request again, cookies and all (a 404 page with such a cookie was still a 500).
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<UnusableSessionCookies> unusableSessionCookies(
				@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
			var registration = new FilterRegistrationBean<>(new UnusableSessionCookies(cookieName));
			registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
			registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
			return registration;
		}
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Cookie[] cookies = request instanceof HttpServletRequest http ? http.getCookies() : null;
		if (cookies == null || Arrays.stream(cookies).allMatch(this::usable)) {
			chain.doFilter(request, response);
			return;
		}
		Cookie[] kept = Arrays.stream(cookies).filter(this::usable).toArray(Cookie[]::new);
		chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
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
