package io.singlewindow.permit.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;

/**
 * A refusal on a permit page that no form can show next to a field (not found, not yours, wrong state) becomes a page
 * saying so in the reader's language, with the right HTTP status.
 */
@ControllerAdvice(assignableTypes = PermitPages.class)
class PermitPageProblems {

	private final MessageSource messages;

	PermitPageProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ModelAndView on(Problem problem, Locale locale) {
		ModelAndView page = new ModelAndView("permit/problem");
		page.setStatus(problem.status());
		page.addObject("code", problem.code());
		page.addObject("text", messages.getMessage("problem." + problem.code(), problem.arguments(), problem.code(), locale));
		return page;
	}

	@ExceptionHandler
	ModelAndView on(InvalidValue invalid, Locale locale) {
		ModelAndView page = new ModelAndView("permit/problem");
		page.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
		page.addObject("code", invalid.code());
		page.addObject("text", messages.getMessage("problem." + invalid.code(), new Object[] { invalid.value() },
				invalid.code(), locale));
		return page;
	}
}
