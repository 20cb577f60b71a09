package io.singlewindow.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;

/**
 * A refused form's problems as one text per field, in the reader's language and in the order found, for the page's
 * error summary (template fragment {@code fragments/errors :: summary}) and the messages beside the fields. A
 * refusal that names no field is under {@code form}.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static Map<String, String> of(Problem problem, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : problem.fieldProblems()) {
			errors.putIfAbsent(p.field(), messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale));
		}
		if (errors.isEmpty()) {
			errors.put("form", messages.getMessage("problem." + problem.code(), problem.arguments(), problem.code(),
					locale));
		}
		return errors;
	}
}
