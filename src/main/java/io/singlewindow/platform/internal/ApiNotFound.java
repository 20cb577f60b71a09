package io.singlewindow.platform.internal;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

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
	Object on(NoResourceFoundException e, HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/api/")) {
			return problems.respond(HttpStatus.NOT_FOUND, "NOT_FOUND", List.of());
		}
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}
}
