package io.singlewindow.core;

/**
 * Text a person types: names, descriptions, reasons. Refuses what no person types and PostgreSQL cannot store (NUL,
 * other control characters, lone surrogates; in one line also what reorders its display) instead of silently
 * stripping it, and anything longer than the field's limit (see {@link InputLimits}). Leading and trailing blanks are
 * removed.
 */
public final class FreeText {

	private FreeText() {
	}

	/**
	 * One line of text (names, references).
	 *
	 * @return the stripped text; {@literal null} when {@code raw} is null or blank
	 * @throws InvalidValue {@code CONTROL_CHARACTER} or {@code SIZE} (with the limit)
	 */
	public static String line(String raw, int maxLength) {
		return check(raw, maxLength, false);
	}

	/** Like {@link #line} but line breaks and tabs are allowed (descriptions, reasons, addresses). */
	public static String paragraph(String raw, int maxLength) {
		return check(raw, maxLength, true);
	}

	/**
	 * The start of a text that must fit a limit elsewhere (a standard's element, a buffer): at most {@code maxLength}
	 * characters, one fewer rather than half a surrogate pair.
	 */
	public static String cut(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		return text.substring(0, Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength);
	}

	/**
	 * A {@link #paragraph} of one field outside a {@link Violations} collection.
	 *
	 * @throws Problem {@code INVALID_INPUT} naming {@code field}
	 */
	public static String read(String field, String raw, int maxLength) {
		try {
			return paragraph(raw, maxLength);
		} catch (InvalidValue e) {
			throw Problem.invalidField(field, e.code(), e.arguments());
		}
	}

	/**
	 * A {@link #line} of one field outside a {@link Violations} collection.
	 *
	 * @throws Problem {@code INVALID_INPUT} naming {@code field}
	 */
	public static String readLine(String field, String raw, int maxLength) {
		try {
			return line(raw, maxLength);
		} catch (InvalidValue e) {
			throw Problem.invalidField(field, e.code(), e.arguments());
		}
	}

	/**
	 * The position (from 1) of the first character {@link #paragraph} refuses, 0 when there is none; for strings of
	 * any field.
	 */
	public static int forbiddenCharacterAt(String raw) {
		return forbidden(raw, true) + 1;
	}

	private static String check(String raw, int maxLength, boolean multiLine) {
		if (raw == null) {
			return null;
		}
		// Length first: a 5 MB value is refused without scanning or stripping it.
		if (raw.length() > maxLength * 2 + 64) {
			throw new InvalidValue("SIZE", maxLength);
		}
		int at = forbidden(raw, multiLine);
		if (at >= 0) {
			throw new InvalidValue("CONTROL_CHARACTER", at + 1);
		}
		String text = raw.strip();
		if (text.codePointCount(0, text.length()) > maxLength) {
			throw new InvalidValue("SIZE", maxLength);
		}
		return text.isEmpty() ? null : text;
	}

	/**
	 * The embeddings, overrides and isolates of the bidirectional algorithm: in a name, a reference or a file name they
	 * make the text show in another order than it is stored ({@code invoice\u202Efdp.exe} reads {@code invoiceexe.pdf}).
	 * Nobody types them in one line; right-to-left names need none (the algorithm orders them), and the marks
	 * (U+200E, U+200F), which move no other character, stay allowed. A paragraph pasted from right-to-left text may
	 * carry them and keeps them.
	 */
	private static boolean reordersDisplay(char c) {
		return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
	}

	private static int forbidden(String raw, boolean multiLine) {
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
				return i;
			}
			if (!multiLine && reordersDisplay(c)) {
				return i;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}
}
