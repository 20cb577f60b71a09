package io.singlewindow.identity.internal;

import java.io.IOException;

import org.springframework.stereotype.Component;

import io.singlewindow.platform.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem+json from the security filters, which run before Spring MVC's exception handling, so that 401 and 403
 * answers look like every other error of the API; a 401 also names the scheme it wants (RFC 9110).
 */
@Component
class ProblemWriter {

	private final FilterProblems problems;

	ProblemWriter(FilterProblems problems) {
		this.problems = problems;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, Object... arguments)
			throws IOException {
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"single-window\"");
		}
		problems.write(request, response, status, code, arguments);
	}
}
