package io.singlewindow.platform.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A path nobody maps is no controller's business, so {@link ProblemResponses} never sees it: answer API clients with
 * problem+json like every other API error and people with the 404 page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiNotFound {

	private final ProblemResponses problems;

	ApiNotFound(ProblemResponses problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	Object on(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			return problems.respond(HttpStatus.NOT_FOUND, "NOT_FOUND", List.of());
		}
		// Through the container's error dispatch, so the error page is rendered with the person's menu.
		response.sendError(HttpStatus.NOT_FOUND.value());
		return new ModelAndView();
	}
}
