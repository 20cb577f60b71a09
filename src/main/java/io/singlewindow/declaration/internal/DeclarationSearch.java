package io.singlewindow.declaration.internal;

import java.util.Locale;

import io.singlewindow.core.FreeText;
import io.singlewindow.core.Problem;

/**
 * What declarants narrow their own declarations to: a piece of the declaration's number or of their own reference
 * (case-insensitive, taken literally: {@code %} and {@code _} are characters, not wildcards), and one status.
 *
 * @param text what the number or the reference must contain, lower case; empty for anything
 * @param status the one status, or {@literal null} for any
 */
record DeclarationSearch(String text, DeclarationStatus status) {

	/** Longer than any number (18) or reference (64) a declaration has. */
	static final int MAX_TEXT = 64;

	static final DeclarationSearch ANY = new DeclarationSearch("", null);

	/**
	 * Reads a client's parameters strictly, so that a mistyped status is an error rather than the whole list.
	 *
	 * @throws Problem 422 {@code INVALID_INPUT}: {@code status} {@code DECLARATION_STATUS_UNKNOWN}; {@code q}
	 *     {@code SIZE} or {@code CONTROL_CHARACTER}
	 */
	static DeclarationSearch read(String q, String status) {
		String read = q == null ? null : FreeText.read("q", q, MAX_TEXT);
		String text = read == null ? "" : read.strip();
		return new DeclarationSearch(text.toLowerCase(Locale.ROOT), status == null || status.isBlank() ? null
				: statusNamed(status.strip()));
	}

	/**
	 * Reads a page's parameters leniently, as the queues do: a list is a view, so an odd address shows every
	 * declaration rather than an error page.
	 */
	static DeclarationSearch ofPage(String q, String status) {
		try {
			return read(q, status);
		} catch (Problem odd) {
			return ANY;
		}
	}

	/** The search as a {@code LIKE} pattern (with {@code \} as the escape), or {@literal null} for anything. */
	String pattern() {
		if (text.isEmpty()) {
			return null;
		}
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static DeclarationStatus statusNamed(String name) {
		try {
			return DeclarationStatus.valueOf(name);
		} catch (IllegalArgumentException e) {
			throw Problem.invalidField("status", "DECLARATION_STATUS_UNKNOWN", name);
		}
	}
}
