package io.singlewindow.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's error dispatch ({@code /error}) for what never reached a controller or its advice: a TRACE refused
 * by Tomcat itself, an exception thrown by a filter. People keep the error page (Spring Boot's, rendered from
 * {@code templates/error.html}); whoever does not ask for HTML — API clients, and scripts or curl on any path — gets
 * problem+json with a code like every other refusal, instead of Spring Boot's map of timestamp, status, error and path.
 */
@Controller
class ErrorPages extends BasicErrorController {

	private static final Pattern REFUSED_METHOD = Pattern.compile("([A-Z]+) method ");

	private final ProblemResponses problems;

	ErrorPages(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
			ProblemResponses problems) {
		super(attributes, web.getError(), resolvers.orderedStream().toList());
		this.problems = problems;
	}

	/** A refusal's code and text for the error page, set by whoever forwards a request to it. */
	static final String PROBLEM_CODE = ErrorPages.class.getName() + ".problemCode";

	static final String PROBLEM_TEXT = ErrorPages.class.getName() + ".problemText";

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		ModelAndView page = super.errorHtml(request, response);
		if (page != null && request.getAttribute(PROBLEM_CODE) instanceof String code) {
			page.addObject("problemCode", code);
			page.addObject("problemText", request.getAttribute(PROBLEM_TEXT));
		}
		return page;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpStatus status = getStatus(request);
		String code = switch (status.value()) {
			case 400 -> "MALFORMED_REQUEST";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
		};
		Object argument = code.equals("REQUEST_REFUSED") ? status.value() : method(request);
		ProblemDetail problem = problems.respond(status, code, List.of(), argument).getBody();
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.asMap(problem, uri instanceof String path ? path : null));
	}

	/**
	 * The method of the request refused: the error dispatch is a GET, so it is read from the container's message
	 * ("TRACE method is not allowed", Tomcat's words for the one method it refuses itself).
	 */
	private static String method(HttpServletRequest request) {
		Matcher named = REFUSED_METHOD.matcher(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_MESSAGE)));
		return named.lookingAt() ? named.group(1) : request.getMethod();
	}
}
