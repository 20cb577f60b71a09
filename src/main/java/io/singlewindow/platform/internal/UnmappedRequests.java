package io.singlewindow.platform.internal;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A path nobody maps, or a method a path does not have, is no controller's business, so {@link ProblemResponses}
 * never sees it: answer API clients with problem+json like every other API error and people with the error page.
 * (Without this a DELETE or PATCH on an API path without them got Spring Boot's own error map, without a code.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmappedRequests {

	private final ProblemResponses problems;

	UnmappedRequests(ProblemResponses problems) {
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

	/**
	 * A body of a type no operation at the path reads (a multipart form sent to the workbook API, which takes the file
	 * itself) is found before any controller is chosen, like a wrong method.
	 */
	@ExceptionHandler
	Object on(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			return problems.unsupportedMediaType(e, request);
		}
		response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
		return new ModelAndView();
	}

	/** 405 with the methods the path has in {@code Allow}, as RFC 9110 asks. */
	@ExceptionHandler
	Object on(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String allowed = e.getSupportedHttpMethods() == null ? ""
				: e.getSupportedHttpMethods().stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
		if (request.getRequestURI().startsWith("/api/")) {
			var problem = problems.respond(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", List.of(), e.getMethod());
			return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
				.header(HttpHeaders.ALLOW, allowed).body(problem.getBody());
		}
		response.setHeader(HttpHeaders.ALLOW, allowed);
		response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
		return new ModelAndView();
	}
}
