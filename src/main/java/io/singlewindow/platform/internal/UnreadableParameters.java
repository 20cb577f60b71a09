package io.singlewindow.platform.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Parameters the container cannot read — more than its 1,000, a form beyond {@code max-http-form-post-size}, a
 * multipart body cut short, without a boundary, of too many parts or with a file name holding a NUL — are read here,
 * once, before anything else asks for one. Tomcat throws on every later access, and whoever asked first decided the answer: the security
 * firewall, the CSRF check, the language switch or the error page itself, giving a 500 with an empty body on the API
 * and the "something went wrong" page for a form (found by a smoke test with real HTTP; MockMvc has no such limits).
 * The API answers 400 {@code MALFORMED_REQUEST} or 413 {@code PAYLOAD_TOO_LARGE} problem+json, a page the error page
 * with that status.
 */
@Component
// After Spring Session's filter, so that the error page, reached by a forward it does not filter, still has the
// person's session (and menu); before the security filters, the first to read a parameter.
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class UnreadableParameters extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnreadableParameters.class);

	private final ContainerRefusals refusals;

	private final DataSize formLimit;

	UnreadableParameters(ContainerRefusals refusals,
			@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit) {
		this.refusals = refusals;
		this.formLimit = formLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RuntimeException refused = unreadable(request);
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		// Tomcat says 413 for too many parts too, but the answer's "at most … bytes" would be wrong: a malformed request.
		SizeException size = cause(refused, SizeException.class);
		boolean tooLarge = size != null || refused instanceof InvalidParameterException parameters
				&& parameters.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
				&& cause(refused, FileCountLimitExceededException.class) == null;
		HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		log.info("event=request_unreadable method={} path={} status={} reason=\"{}\"", request.getMethod(),
				request.getRequestURI(), status.value(), refused.getMessage());
		String code = tooLarge ? "PAYLOAD_TOO_LARGE" : "MALFORMED_REQUEST";
		Object[] arguments = tooLarge ? new Object[] { size != null ? size.getPermittedSize() : formLimit.toBytes() }
				: new Object[0];
		if (request.getRequestURI().startsWith("/api/")) {
			refusals.write(request, response, status.value(), code, arguments);
			return;
		}
		// The error page, reached as a GET without parameters: the form's own are what could not be read, and a POST
		// forwarded would be checked for a CSRF token it can no longer show.
		HttpServletRequest page = new WithoutParameters(request);
		page.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		page.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		page.setAttribute(ErrorPages.PROBLEM_CODE, code);
		page.setAttribute(ErrorPages.PROBLEM_TEXT, refusals.problem(status, code, request, arguments).getTitle());
		response.setStatus(status.value());
		request.getRequestDispatcher("/error").forward(page, response);
	}

	private static RuntimeException unreadable(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return null;
		}
		// A file name holding a NUL: Tomcat's parser refuses the whole body with an exception of its own (a 500 until
		// 2026-12-08), and would again at every later access.
		catch (InvalidParameterException | InvalidFileNameException refused) {
			return refused;
		}
	}

	/** The first exception of {@code type} in the chain, or {@literal null}. */
	private static <T extends Throwable> T cause(Throwable refused, Class<T> type) {
		for (Throwable t = refused; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/** The request as the error page sees it: a GET, with no parameters. */
	static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public String getQueryString() {
			return null;
		}

		// Nor a body: a multipart one would be parsed again on the way to the page, and fail again.
		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return -1;
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public String getHeader(String name) {
			return isBodyHeader(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isBodyHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
				.filter(name -> !isBodyHeader(name))
				.toList());
		}

		private static boolean isBodyHeader(String name) {
			return "Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name);
		}
	}
}
