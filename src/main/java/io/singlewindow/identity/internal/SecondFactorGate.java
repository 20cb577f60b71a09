package io.singlewindow.identity.internal;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An account whose role the zone requires a second factor of ({@link SecondFactors#require}) and that has none turns
 * it on before anything else: its pages lead to {@code /account/second-factor}. Pages only — an API key is a
 * credential of its own, made after a login, so an agency's systems keep working the day the requirement is set.
 *
 * <p>
 * A session that logged in with a second factor costs nothing more; any other asks on each page request whether its
 * role now requires one and its account still has none (one indexed read), so a requirement set or lifted takes
 * effect at once on every node, and a person who has just turned it on goes on without logging in again.
 */
class SecondFactorGate extends OncePerRequestFilter {

	private final SecondFactors secondFactors;

	SecondFactorGate(SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)
				|| principal.secondFactor()) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// What such an account still reaches: the second factor's page and forms, and what the first password's gate
		// leaves open (the password page, logging out, the pages' files, errors).
		if (path.startsWith(SecondFactorPages.PAGE) || FirstPasswordGate.open(path)
				|| !secondFactors.due(principal.userId(), principal.role())) {
			chain.doFilter(request, response);
			return;
		}
		response.sendRedirect(request.getContextPath() + SecondFactorPages.PAGE + "?required");
	}
}
