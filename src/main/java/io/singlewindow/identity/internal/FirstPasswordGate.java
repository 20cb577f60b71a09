package io.singlewindow.identity.internal;

import java.io.IOException;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An account whose first password someone else chose (an officer's opened by the zone's administrators, an operator's
 * by its enterprise's administrator) chooses its own before it does anything else: whoever handed the first one over
 * knows it; so does a password an administrator reset. Its pages lead to the password page; its API keys (made
 * before a reset; a new account cannot make one from the pages) get 403 {@code PASSWORD_CHANGE_REQUIRED} except for
 * {@code /api/v1/me} and its password.
 *
 * <p>
 * A page session's principal is the login's snapshot, so the flag it carries is checked against the account's row —
 * only while the snapshot says a change is due, so every other request costs nothing more. An API key's principal is
 * read afresh on each call.
 */
class FirstPasswordGate extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	/** What such an account still reaches: the password page, logging out, the pages' own files, errors. */
	private static final Set<String> OPEN_PATHS = Set.of(PASSWORD_PAGE, "/logout", "/login", "/error");
	private static final Set<String> OPEN_PREFIXES = Set.of("/css/", "/js/", "/img/", "/webjars/", "/favicon");
	private static final Set<String> OPEN_API_PATHS = Set.of("/api/v1/me", "/api/v1/me/password");

	private final AccountAdministration administration;
	private final ProblemWriter problems;

	FirstPasswordGate(AccountAdministration administration, ProblemWriter problems) {
		this.administration = administration;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)
				|| !principal.passwordChangeRequired()) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean api = path.startsWith("/api/");
		if ((api ? OPEN_API_PATHS.contains(path) : open(path))
				|| !administration.passwordChangeRequired(principal.userId())) {
			chain.doFilter(request, response);
			return;
		}
		if (api) {
			problems.write(request, response, 403, "PASSWORD_CHANGE_REQUIRED");
		} else {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE + "?first");
		}
	}

	/** Whether a page request reaches {@code path} whatever the account must do first (its gates share them). */
	static boolean open(String path) {
		return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}
}
