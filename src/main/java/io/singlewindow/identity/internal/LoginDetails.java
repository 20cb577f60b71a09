package io.singlewindow.identity.internal;

import java.io.Serial;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a page login came from, and the one-time code typed with it (动态口令; the login form's {@code code}, empty
 * for an account without a second factor), which {@link ThrottledLogin} checks after the password.
 */
final class LoginDetails extends WebAuthenticationDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient String code;

	LoginDetails(HttpServletRequest request) {
		super(request);
		this.code = request.getParameter("code");
	}

	String code() {
		return code;
	}

	/** What the session keeps: the address and session, not the code. */
	WebAuthenticationDetails withoutCode() {
		return new WebAuthenticationDetails(getRemoteAddress(), getSessionId());
	}
}
