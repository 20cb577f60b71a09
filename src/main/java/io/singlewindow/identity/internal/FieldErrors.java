package io.singlewindow.identity.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;

/** A refused form's problems as texts per field, in the reader's language, for the identity pages. */
final class FieldErrors {

	private FieldErrors() {
	}

	static Map<String, String> of(Problem problem, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : problem.fieldProblems()) {
			errors.putIfAbsent(p.field(), messages.getMessage("problem." + p.code(), p.arguments(), p.code(), locale));
		}
		if (errors.isEmpty()) {
			errors.put("form", messages.getMessage("problem." + problem.code(), problem.arguments(), problem.code(), locale));
		}
		return errors;
	}
}
