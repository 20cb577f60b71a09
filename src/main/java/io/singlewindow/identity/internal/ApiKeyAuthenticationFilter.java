package io.singlewindow.identity.internal;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates REST calls that carry {@code Authorization: Bearer sw_…}. A request without such a header passes on
 * unauthenticated (public endpoints still answer); a wrong or revoked key is answered with 401 right here, so a
 * client never mistakes a bad key for anonymous access.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys keys;
	private final AccountStore accounts;
	private final ProblemWriter problems;

	ApiKeyAuthenticationFilter(ApiKeys keys, AccountStore accounts, ProblemWriter problems) {
		this.keys = keys;
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String presented = header.substring(7).strip();
		var principal = keys.ownerOf(presented).flatMap(accounts::findById).filter(AccountPrincipal::enabled);
		if (principal.isEmpty()) {
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
}
