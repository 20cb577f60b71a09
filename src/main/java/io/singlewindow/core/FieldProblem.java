package io.singlewindow.core;

import java.util.Arrays;

/**
 * One problem with one input field.
 *
 * @param field the field's path in the request as the caller wrote it, e.g. {@code items[2].hsCode}
 * @param code a stable error code, e.g. {@code HS_CODE_UNKNOWN}; its text is {@code problem.<code>} in the bundles
 * @param arguments values quoted by the message text, e.g. the rejected value
 */
public record FieldProblem(String field, String code, Object... arguments) {

	@Override
	public String toString() {
		return field + ":" + code + (arguments.length == 0 ? "" : Arrays.toString(arguments));
	}
}
