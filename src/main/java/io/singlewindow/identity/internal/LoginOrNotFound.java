package io.singlewindow.identity.internal;

import java.io.IOException;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.http.server.RequestPath;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What an anonymous visitor gets for a page that needs a login: the login page, as everywhere. For an address no page
 * answers (a typo, an old link) there is nothing to log in for, so the visitor gets the 404 page at once instead of
 * a detour through the login form that ends in a 404 anyway. Which pages exist is public (README, menu), so saying
 * "no page here" gives nothing away.
 */
final class LoginOrNotFound implements AuthenticationEntryPoint {

	private final ApplicationContext context;
	private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

	LoginOrNotFound(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, ServletException {
		if (pageExists(request)) {
			login.commence(request, response, e);
		} else {
			response.sendError(HttpStatus.NOT_FOUND.value());
		}
	}

	private boolean pageExists(HttpServletRequest request) {
		HandlerMapping pages = context.getBean("requestMappingHandlerMapping", HandlerMapping.class);
		// The security filters run before the dispatcher has parsed the path the mappings match against.
		RequestPath parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request) : null;
		ServletRequestPathUtils.parseAndCache(request);
		try {
			return pages.getHandler(request) != null;
		} catch (Exception wrongMethodOrMediaType) {
			// The address exists, only not for this method or media type: the page needs a login all the same.
			return true;
		} finally {
			ServletRequestPathUtils.setParsedRequestPath(parsed, request);
		}
	}
}
