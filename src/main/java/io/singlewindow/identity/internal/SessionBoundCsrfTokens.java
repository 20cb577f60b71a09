package io.singlewindow.identity.internal;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where the web pages' CSRF token is kept: in the session once there is one (from the login on), else in a cookie of
 * its own ({@code sw-csrf}). Keeping it in the session alone started a session — a row in {@code spring_session},
 * kept for 8 h — for every anonymous page view, since every page renders the token. Keeping it in a cookie alone
 * would let whoever can set a cookie for the zone's domain (a sibling site under the same registrable domain, which
 * {@code SameSite} counts as the same site) choose a logged-in person's token and forge their forms; a session's
 * token is out of a cookie's reach. What the cookie still guards — the login and registration forms of someone not
 * logged in — is worth no more than what that person could do themselves.
 * <p>
 * So a request that starts a session must not show a form: the token it renders came from the cookie, and the new
 * session, which the next request reads, does not know it (the registration form shown again after a refusal got 403
 * on its second try while an {@code HttpSession} parameter started a session for every post; it starts one only on
 * success now, and redirects). Starting a session is the login's business, or a redirect's.
 */
final class SessionBoundCsrfTokens implements CsrfTokenRepository {

	/** The header scripts send it in, as the page names it: the same whichever place keeps the token. */
	private static final String HEADER = "X-CSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

	SessionBoundCsrfTokens() {
		sessions.setHeaderName(HEADER);
		cookies.setHeaderName(HEADER);
		cookies.setCookieName("sw-csrf");
		cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return sessions.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			sessions.saveToken(token, request, response);
		} else {
			cookies.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return request.getSession(false) != null ? sessions.loadToken(request) : cookies.loadToken(request);
	}
}
