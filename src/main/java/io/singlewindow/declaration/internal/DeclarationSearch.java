package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.singlewindow.core.FreeText;
import io.singlewindow.core.Problem;
import io.singlewindow.platform.BusinessTime;

/**
 * What declarants narrow their own declarations to: a piece of the declaration's number or of their own reference
 * (case-insensitive, taken literally: {@code %} and {@code _} are characters, not wildcards), one status, and the
 * days of the zone (Beijing time, as every date the platform shows) they were submitted on.
 *
 * @param text what the number or the reference must contain, lower case; empty for anything
 * @param status the one status, or {@literal null} for any
 * @param from the first day of submission, or {@literal null} for no first day
 * @param to the last day of submission (included), or {@literal null} for no last day
 */
record DeclarationSearch(String text, DeclarationStatus status, LocalDate from, LocalDate to) {

	/** Longer than any number (18) or reference (64) a declaration has. */
	static final int MAX_TEXT = 64;

	/** {@code YYYY-MM-DD}; text of another length is no date of ours. */
	private static final int DATE_LENGTH = 10;

	static final DeclarationSearch ANY = new DeclarationSearch("", null, null, null);

	/**
	 * Reads a client's parameters strictly, so that a mistyped status or day is an error rather than the whole list.
	 *
	 * @throws Problem 422 {@code INVALID_INPUT}: {@code status} {@code DECLARATION_STATUS_UNKNOWN}; {@code q}
	 *     {@code SIZE} or {@code CONTROL_CHARACTER}; {@code submittedFrom}, {@code submittedTo} {@code DATE_FORMAT};
	 *     {@code submittedTo} {@code DATE_BEFORE_START}
	 */
	static DeclarationSearch read(String q, String status, String submittedFrom, String submittedTo) {
		String read = q == null ? null : FreeText.read("q", q, MAX_TEXT);
		String text = read == null ? "" : read.strip();
		LocalDate from = day("submittedFrom", submittedFrom);
		LocalDate to = day("submittedTo", submittedTo);
		if (from != null && to != null && to.isBefore(from)) {
			throw Problem.invalidField("submittedTo", "DATE_BEFORE_START", to, from);
		}
		return new DeclarationSearch(text.toLowerCase(Locale.ROOT), status == null || status.isBlank() ? null
				: statusNamed(status.strip()), from, to);
	}

	/** Whether anything narrows the list. */
	boolean narrows() {
		return !text.isEmpty() || status != null || from != null || to != null;
	}

	/** The first instant of the first day, or {@literal null}. */
	Instant submittedFrom() {
		return from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant();
	}

	/** The first instant after the last day, or {@literal null}. */
	Instant submittedBefore() {
		return to == null ? null : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
	}

	private static LocalDate day(String field, String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String text = raw.strip();
		if (text.length() != DATE_LENGTH) {
			throw Problem.invalidField(field, "DATE_FORMAT");
		}
		try {
			return io.singlewindow.core.IsoDay.parse(text);
		} catch (DateTimeParseException e) {
			throw Problem.invalidField(field, "DATE_FORMAT", text);
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
