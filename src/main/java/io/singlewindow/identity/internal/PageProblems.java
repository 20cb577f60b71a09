package io.singlewindow.identity.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every refusal on a web page that no form shows next to a field becomes the one error page, inside the normal layout
 * with the person's menu, with the right status: 403 for what the account may not open, 404 for what does not exist
 * (including an address whose id is malformed), 409/422 with the rule's text, 500 (logged) for the unexpected. The
 * REST API answers problem+json instead ({@code ProblemResponses} comes first for REST controllers).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

	private final ShellModel shell;
	private final MessageSource messages;

	PageProblems(ShellModel shell, MessageSource messages) {
		this.shell = shell;
		this.messages = messages;
	}

	@ExceptionHandler
	ModelAndView on(Problem problem, Locale locale) {
		if (problem.status() == HttpStatus.UNAUTHORIZED) {
			// A page that needs a person: the login, as for every page that does.
			return new ModelAndView("redirect:/login");
		}
		return page(problem.status(), text("problem." + problem.code(), problem.arguments(), locale), problem.code());
	}

	/** A value in the address that is no valid code is an address with no page; in a submitted form it is bad input. */
	@ExceptionHandler
	ModelAndView on(InvalidValue invalid, HttpServletRequest request, Locale locale) {
		HttpStatus status = "GET".equals(request.getMethod()) ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
		return page(status, text("problem." + invalid.code(), invalid.arguments(), locale), invalid.code());
	}

	@ExceptionHandler
	ModelAndView on(MethodArgumentTypeMismatchException e) {
		boolean inAddress = e.getParameter().hasParameterAnnotation(PathVariable.class);
		return page(inAddress ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, null, null);
	}

	/**
	 * A parameter name the firewall refuses (a control character in it) is only noticed when the form is read, inside
	 * the handler: a malformed request, answered like one (found by the fuzz suite; it was a 500 page).
	 */
	@ExceptionHandler
	ModelAndView on(RequestRejectedException e, HttpServletRequest request) {
		log.info("event=request_rejected method={} path={} reason=\"{}\"", request.getMethod(), request.getRequestURI(),
				e.getMessage());
		return page(HttpStatus.BAD_REQUEST, null, null);
	}

	@ExceptionHandler
	ModelAndView on(AccessDeniedException e) {
		return page(HttpStatus.FORBIDDEN, null, null);
	}

	/** The browser went away (a closed tab ends its event stream): nobody to answer, nothing to log. */
	@ExceptionHandler
	ModelAndView on(AsyncRequestNotUsableException gone) {
		return new ModelAndView();
	}

	@ExceptionHandler
	ModelAndView on(Exception e, HttpServletRequest request, Locale locale) {
		if (tooLarge(e)) {
			log.info("event=request_too_large method={} path={} reason=\"{}\"", request.getMethod(),
					request.getRequestURI(), e.getMessage());
			return page(HttpStatus.CONTENT_TOO_LARGE, text("problem.PAYLOAD_TOO_LARGE",
					new Object[] { MAX_UPLOAD_BYTES }, locale), "PAYLOAD_TOO_LARGE");
		}
		if (e instanceof ErrorResponse refusal) {
			// Spring's own refusals (wrong method, missing parameter, …) keep their status.
			return page(refusal.getStatusCode(), null, null);
		}
		log.error("event=unhandled_page_error method={} path={} error={}", request.getMethod(), request.getRequestURI(),
				e.toString(), e);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, null, null);
	}

	/** {@code spring.servlet.multipart.max-request-size}, as the page tells a person. */
	private static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

	/**
	 * A form larger than the platform takes (a file over 20 MB) is refused by the server when the form is first read.
	 * That happens in the CSRF check, before any page's handler, and surfaces wrapped in the server's own exception
	 * (found by a smoke test: it was a 500 page).
	 */
	private static boolean tooLarge(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException
					|| t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException) {
				return true;
			}
		}
		return false;
	}

	private ModelAndView page(HttpStatusCode status, String text, String code) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(status.value()));
		page.addObject("status", status.value());
		page.addObject("problemText", text);
		page.addObject("problemCode", code);
		page.addObject("actor", shell.actor());
		page.addObject("navigation", shell.navigation());
		return page;
	}

	private String text(String key, Object[] arguments, Locale locale) {
		return messages.getMessage(key, arguments, null, locale);
	}
}
